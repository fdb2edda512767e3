namespace Journeys.Engine.Journeys;

/// <summary>
/// Local hours (profile time zone) in which messages on <see cref="Channels"/> are deferred to <see cref="End"/>.
/// A start after the end spans midnight.
/// </summary>
public sealed record QuietHours
{
    public required TimeOnly Start { get; init; }

    public required TimeOnly End { get; init; }

    public IReadOnlyList<Channel> Channels { get; init; } = [Channel.Email, Channel.Sms, Channel.Push, Channel.Telegram];
}
