namespace Journeys.Engine.Journeys;

/// <summary>
/// Who may enter again. With <see cref="CorrelationKey"/> (e.g. <c>cartId</c>, read from the trigger's
/// event properties) a profile has at most one live instance per key value; without it, one live instance.
/// </summary>
public sealed record EntryPolicy
{
    public EntryMode Mode { get; init; } = EntryMode.Once;

    public TimeSpan? Period { get; init; }

    public string? CorrelationKey { get; init; }
}
