namespace Journeys.Engine.Profiles;

public sealed record CustomerProfile : ProfileState
{
    public CustomerComputed Computed { get; init; } = new();
}
