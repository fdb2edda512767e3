namespace Journeys.Engine.Profiles;

public sealed record CashierProfile : ProfileState
{
    public CashierComputed Computed { get; init; } = new();
}
