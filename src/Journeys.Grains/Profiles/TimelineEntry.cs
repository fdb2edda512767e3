using System.Text.Json;
using Journeys.Engine;
using Journeys.Engine.Journeys;

namespace Journeys.Grains.Profiles;

/// <summary>
/// A journey action on the profile's timeline. Messages and webhooks follow their outbox row
/// (<c>queued</c>, <c>retrying</c>, <c>sent</c>, <c>suppressed</c>, <c>dead</c>, with the reason in
/// <see cref="Detail"/>); actions whose handler does not exist yet are kept as <c>awaiting-handler</c>:
/// recorded, with their dedupe key, never claimed as done.
/// </summary>
[GenerateSerializer, Immutable, Alias("journeys.timeline-entry")]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Type,
    [property: Id(2)] string JourneyId,
    [property: Id(3)] int Version,
    [property: Id(4)] string NodeId,
    [property: Id(5)] string DedupeKey,
    [property: Id(6)] string? Channel,
    [property: Id(7)] string Status,
    [property: Id(8)] string CommandJson,
    [property: Id(9)] string? Detail = null)
{
    public const string AwaitingHandler = "awaiting-handler";
    public const string Done = "done";

    /// <summary>A popup nobody was connected for, waiting for the next visit.</summary>
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Expired = "expired";

    /// <summary>How far back frequency caps look at the timeline's sends.</summary>
    public static readonly TimeSpan CapWindow = TimeSpan.FromDays(30);

    private static readonly Dictionary<string, Channel> Channels = Enum.GetValues<Channel>().ToDictionary(c => c.ToString(), StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Keeps the newest <paramref name="kept"/> entries and, older than those, up to <paramref name="sendsKept"/>
    /// messages and webhooks sent since <paramref name="since"/>: frequency caps count them, and a visitor shown
    /// a popup on every page view would otherwise push their e-mails out of the timeline and past their caps.
    /// </summary>
    public static void Trim(List<TimelineEntry> timeline, int kept, DateTimeOffset since, int sendsKept)
    {
        if (timeline.Count <= kept)
        {
            return;
        }
        var keep = new bool[timeline.Count];
        var sends = 0;
        for (var i = timeline.Count - 1; i >= 0; i--)
        {
            var entry = timeline[i];
            var send = entry.Channel is { } channel && Channels[channel] != Engine.Journeys.Channel.Popup && entry.At > since;
            if (timeline.Count - i <= kept)
            {
                keep[i] = true;
            }
            else if (send && sends < sendsKept)
            {
                keep[i] = true;
                sends++;
            }
        }
        var remaining = timeline.Where((_, i) => keep[i]).ToList();
        timeline.Clear();
        timeline.AddRange(remaining);
    }

    /// <summary>The sends since <paramref name="since"/> (messages, webhooks and popups), oldest first: what frequency caps count.</summary>
    public static List<SentMessage> SendsSince(List<TimelineEntry> timeline, DateTimeOffset since, Func<TimelineEntry, bool>? counted = null)
    {
        var sends = new List<SentMessage>();
        foreach (var entry in timeline)
        {
            if (entry.Channel is { } channel && entry.At > since && (counted is null || counted(entry)))
            {
                sends.Add(new SentMessage(Channels[channel], entry.At));
            }
        }
        return sends;
    }

    /// <summary>
    /// The command as the timeline keeps it: without what the entry itself holds (profile, journey, version,
    /// node, dedupe key) and without the text of inline templates, which the journey version holds. A busy
    /// profile saves its timeline often, and those would be most of every save.
    /// </summary>
    public static string CommandJsonOf(ActionCommand action)
    {
        var command = JsonSerializer.SerializeToNode<JourneyCommand>(action switch
        {
            ShowPopup popup => popup with { Template = popup.Template with { Subject = null, Body = null } },
            SendMessage message => message with { Template = message.Template with { Subject = null, Body = null } },
            _ => action,
        }, EngineJson.Options)!.AsObject();
        foreach (var held in EntryFields)
        {
            command.Remove(held);
        }
        return command.ToJsonString(EngineJson.Options);
    }

    private static readonly string[] EntryFields = ["profileId", "journeyId", "version", "nodeId", "dedupeKey"];
}
