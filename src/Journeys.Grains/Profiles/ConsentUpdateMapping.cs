using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Grains.Profiles;

public static class ConsentUpdateMapping
{
    /// <summary>The API's consent change in the engine's terms; a null channel means the topic on every channel.</summary>
    public static Engine.Profiles.ConsentChange ToEngine(this ConsentUpdate change) =>
        new(change.Channel is null ? null : Wire.TryParse<MessageChannel>(change.Channel, out var channel)
                ? channel
                : throw new ArgumentException($"unknown channel '{change.Channel}'", nameof(change)),
            change.Topic, change.Granted, change.Source, change.At);
}
