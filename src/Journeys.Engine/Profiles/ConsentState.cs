using System.Collections.Immutable;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>
/// Consent per channel (opt-in: no record means no consent) and per topic (opt-out: no record means
/// the channel's consent covers it). Topic keys are <c>topic</c> for every channel or
/// <c>channel/topic</c> for one channel (e.g. <c>email/promotions</c>).
/// </summary>
public sealed record ConsentState
{
    public static ConsentState Empty { get; } = new();

    public ImmutableSortedDictionary<MessageChannel, ConsentRecord> Channels { get; init; } =
        ImmutableSortedDictionary<MessageChannel, ConsentRecord>.Empty;

    public ImmutableSortedDictionary<string, ConsentRecord> Topics { get; init; } =
        ImmutableSortedDictionary<string, ConsentRecord>.Empty;

    public bool Allows(MessageChannel channel, string? topic = null)
    {
        if (!Channels.TryGetValue(channel, out var channelConsent) || !channelConsent.Granted)
        {
            return false;
        }

        if (topic is null)
        {
            return true;
        }

        // The channel-specific topic decision is the more precise one, so it wins.
        if (Topics.TryGetValue(TopicKey(channel, topic), out var specific))
        {
            return specific.Granted;
        }

        return !Topics.TryGetValue(topic, out var general) || general.Granted;
    }

    /// <summary>Records a decision unless a later one is already known (events may arrive out of order).</summary>
    public ConsentState With(ConsentChange change)
    {
        var record = new ConsentRecord(change.Granted, change.Source, change.At);
        if (change.Topic is { } topic)
        {
            var key = change.Channel is { } c ? TopicKey(c, topic) : topic;
            return this with { Topics = Latest(Topics, key, record) };
        }

        return change.Channel is { } channel ? this with { Channels = Latest(Channels, channel, record) } : this;
    }

    /// <summary>Both sides' decisions, the later one winning for each channel and topic.</summary>
    public ConsentState Merge(ConsentState other) => new()
    {
        Channels = other.Channels.Aggregate(Channels, (merged, pair) => Latest(merged, pair.Key, pair.Value)),
        Topics = other.Topics.Aggregate(Topics, (merged, pair) => Latest(merged, pair.Key, pair.Value)),
    };

    private static string TopicKey(MessageChannel channel, string topic) =>
        $"{Events.Wire.Name(channel)}/{topic}";

    private static ImmutableSortedDictionary<TKey, ConsentRecord> Latest<TKey>(
        ImmutableSortedDictionary<TKey, ConsentRecord> map, TKey key, ConsentRecord record)
        where TKey : notnull =>
        map.TryGetValue(key, out var existing) && existing.At > record.At ? map : map.SetItem(key, record);
}
