namespace Journeys.Engine.Events.Catalogue;

/// <summary>
/// A consent decision for a channel, a topic, or a topic on a channel. The consent API journals
/// this event too, so consent history is replayed with the rest of the profile.
/// </summary>
public sealed record ConsentUpdated(MessageChannel? Channel, string? Topic, bool Granted, string? Source) : EventProperties
{
    internal static ConsentUpdated? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var channel = r.Enum<MessageChannel>("channel", required: false);
        var topic = r.String("topic", required: false, maxLength: 100);
        var granted = r.Boolean("granted", required: true);
        var source = r.String("source", required: false, maxLength: 100);
        if (!r.Has("channel") && !r.Has("topic"))
        {
            r.Error("channel", "is required when topic is absent");
        }

        return r.ErrorCount > mark ? null : new ConsentUpdated(channel, topic, granted!.Value, source);
    }
}
