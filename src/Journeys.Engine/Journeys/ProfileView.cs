using System.Text.Json;

namespace Journeys.Engine.Journeys;

/// <summary>What the interpreter may know about a profile; the grain builds it from its state.</summary>
public sealed record ProfileView
{
    public required string ProfileId { get; init; }

    /// <summary>An IANA zone such as <c>Europe/Paris</c>; unknown zones fall back to UTC.</summary>
    public string TimeZone { get; init; } = "UTC";

    public JsonElement Traits { get; init; }

    public JsonElement Computed { get; init; }

    public IReadOnlyList<ConsentGrant> Consents { get; init; } = [];

    /// <summary>Channels whose address hard-bounced and is still the profile's: nothing is sent on them.</summary>
    public IReadOnlyList<Channel> Undeliverable { get; init; } = [];

    /// <summary>Recent sends of all journeys, at least as far back as the longest frequency cap period.</summary>
    public IReadOnlyList<SentMessage> RecentSends { get; init; } = [];

    /// <summary>Past events that anniversary triggers look at.</summary>
    public IReadOnlyList<JourneyEvent> History { get; init; } = [];

    public bool HasConsent(Channel channel, string? topic) =>
        Consents.Any(grant => grant.Channel == channel && (grant.Topic is null || grant.Topic == topic));

    /// <summary>Why a message on <paramref name="channel"/> must not go out (no consent, a bounced address), or null.</summary>
    public string? Unreachable(Channel channel, string? topic) =>
        !HasConsent(channel, topic) ? $"noConsent:{channel.ToString().ToLowerInvariant()}:{topic}"
        : Undeliverable.Contains(channel) ? $"undeliverable:{channel.ToString().ToLowerInvariant()}"
        : null;

    public TimeZoneInfo ResolveTimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
}
