using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>What applying, merging and erasing do alike for every profile kind.</summary>
internal static class ProfileCore
{
    public const string UnsubscribeSource = "unsubscribe";
    public const string EventSource = "event";

    public static T Apply<T>(T state, EventEnvelope e)
        where T : ProfileState
    {
        var recent = state.RecentEvents.Add(new EventSummary(e.MessageId, DisplayName(e), e.Timestamp));
        if (recent.Count > ProfileState.RecentEventsKept)
        {
            recent = recent.RemoveRange(0, recent.Count - ProfileState.RecentEventsKept);
        }

        ProfileState current = state;
        return (T)(current with
        {
            EventCount = state.EventCount + 1,
            FirstSeen = Min(state.FirstSeen, e.Timestamp),
            LastSeen = Max(state.LastSeen, e.Timestamp),
            RecentEvents = recent,
            // Group traits describe the group, not the person.
            Traits = e.Type == EventType.Group || e.Traits.Count == 0 ? state.Traits : MergeTraits(state.Traits, e.Traits),
            Consent = ApplyConsent(state.Consent, e),
            Bounces = e.Typed is MessageBounced { BounceType: BounceType.Hard } bounce
                ? Later(state.Bounces, bounce.Channel, new BounceRecord(bounce.Address, bounce.Reason, e.Timestamp))
                : state.Bounces,
        });
    }

    /// <summary>The known profile's own fields win; the anonymous one fills gaps and adds its history.</summary>
    public static T Merge<T>(T known, ProfileState anonymous)
        where T : ProfileState
    {
        var recent = known.RecentEvents.AddRange(anonymous.RecentEvents)
            .Sort((a, b) => a.Timestamp.CompareTo(b.Timestamp));
        if (recent.Count > ProfileState.RecentEventsKept)
        {
            recent = recent.RemoveRange(0, recent.Count - ProfileState.RecentEventsKept);
        }

        ProfileState current = known;
        return (T)(current with
        {
            AliasIds = known.AliasIds.Union(anonymous.AliasIds).Add(anonymous.Id).Remove(known.Id),
            Traits = MergeTraits(anonymous.Traits, known.Traits),
            Consent = known.Consent.Merge(anonymous.Consent),
            Bounces = anonymous.Bounces.Aggregate(known.Bounces, (merged, pair) => Later(merged, pair.Key, pair.Value)),
            FirstSeen = anonymous.FirstSeen is { } first ? Min(known.FirstSeen, first) : known.FirstSeen,
            LastSeen = anonymous.LastSeen is { } last ? Max(known.LastSeen, last) : known.LastSeen,
            EventCount = known.EventCount + anonymous.EventCount,
            RecentEvents = recent,
            Erasure = Later(known.Erasure, anonymous.Erasure),
        });
    }

    /// <summary>
    /// Drops traits, aliases, consent, bounced addresses and the activity list. Consent goes too: without
    /// a record nothing is sent, which is what an erased person expects.
    /// </summary>
    public static T Erase<T>(T state, DateTimeOffset now, string reason)
        where T : ProfileState
    {
        ProfileState current = state;
        return (T)(current with
        {
            AliasIds = [],
            Traits = [],
            Consent = ConsentState.Empty,
            Bounces = state.Bounces.Clear(),
            RecentEvents = [],
            Erasure = new ErasureRecord(now, reason),
        });
    }

    /// <summary>Shallow merge: a trait sent replaces the old value, a trait sent as null is removed.</summary>
    private static JsonObject MergeTraits(JsonObject below, JsonObject above)
    {
        var merged = (JsonObject)below.DeepClone();
        foreach (var (name, value) in above)
        {
            if (value is null)
            {
                merged.Remove(name);
            }
            else
            {
                merged[name] = value.DeepClone();
            }
        }

        return merged;
    }

    private static ConsentState ApplyConsent(ConsentState consent, EventEnvelope e) => e.Typed switch
    {
        ConsentUpdated c => consent.With(new ConsentChange(c.Channel, c.Topic, c.Granted, c.Source ?? EventSource, e.Timestamp)),
        MessageUnsubscribed u => consent.With(new ConsentChange(u.Channel, u.Topic, Granted: false, UnsubscribeSource, e.Timestamp)),
        _ => consent,
    };

    private static string DisplayName(EventEnvelope e) => e.Event ?? e.Name ?? Wire.Name(e.Type);

    private static DateTimeOffset Min(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c < candidate ? c : candidate;

    private static DateTimeOffset Max(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c > candidate ? c : candidate;

    /// <summary>Events may arrive out of order: an older bounce does not replace a newer one.</summary>
    private static ImmutableSortedDictionary<MessageChannel, BounceRecord> Later(
        ImmutableSortedDictionary<MessageChannel, BounceRecord> bounces, MessageChannel channel, BounceRecord bounce) =>
        bounces.TryGetValue(channel, out var known) && known.At > bounce.At ? bounces : bounces.SetItem(channel, bounce);

    private static ErasureRecord? Later(ErasureRecord? a, ErasureRecord? b) =>
        a is null ? b : b is null ? a : a.At >= b.At ? a : b;
}
