namespace Journeys.Engine.Profiles;

public sealed record CorporateProfile : ProfileState
{
    public CorporateComputed Computed { get; init; } = new();
}
