namespace Journeys.Engine.Journeys;

/// <summary>
/// A command with an effect. <see cref="DedupeKey"/> is the same every time the same node visit is
/// executed (retries, replays, deferrals), so handlers can make it happen at most once.
/// </summary>
public abstract record ActionCommand : JourneyCommand
{
    public string DedupeKey { get; init; } = string.Empty;
}
