using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Journeys.Engine.Profiles;

/// <summary>
/// What every profile kind keeps. Records with immutable collections so reducers can return a new
/// state cheaply; <see cref="Traits"/> is a JSON object that reducers copy before changing.
/// </summary>
public abstract record ProfileState
{
    public const int RecentEventsKept = 20;

    public required string Id { get; init; }

    /// <summary>Other ids merged into this profile (anonymous ids, alias previous ids).</summary>
    public ImmutableSortedSet<string> AliasIds { get; init; } = [];

    public JsonObject Traits { get; init; } = [];

    public ConsentState Consent { get; init; } = ConsentState.Empty;

    /// <summary>Per channel, the latest hard bounce (<see cref="Events.Catalogue.MessageBounced"/>).</summary>
    public ImmutableSortedDictionary<Events.Catalogue.MessageChannel, BounceRecord> Bounces { get; init; } =
        ImmutableSortedDictionary<Events.Catalogue.MessageChannel, BounceRecord>.Empty;

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public long EventCount { get; init; }

    /// <summary>The latest events, oldest first, at most <see cref="RecentEventsKept"/>.</summary>
    public ImmutableList<EventSummary> RecentEvents { get; init; } = [];

    public ErasureRecord? Erasure { get; init; }

    /// <summary>
    /// Channels whose latest hard bounce was for an address a trait still holds. A trait changed to a
    /// new address (a corrected e-mail, a new phone number) makes the channel reachable again; so the
    /// block needs no list of which trait each channel reads.
    /// </summary>
    public IEnumerable<Events.Catalogue.MessageChannel> Undeliverable() =>
        Bounces.Where(b => Traits.Any(t => t.Value is JsonValue value && value.TryGetValue<string>(out var text)
                && string.Equals(text.Trim(), b.Value.Address.Trim(), StringComparison.OrdinalIgnoreCase)))
            .Select(b => b.Key);

    /// <summary>Whether <paramref name="id"/> names this profile, directly or through a merged alias.</summary>
    public bool Owns(string id) => Id == id || AliasIds.Contains(id);
}
