using System.Text.Json;
using Journeys.Engine.Events;

namespace Journeys.Engine.Journeys;

/// <summary>An event as the engine sees it; conditions read it as <c>event.name</c>, <c>event.properties.x</c>.</summary>
public sealed record JourneyEvent
{
    public required string MessageId { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public JsonElement Properties { get; init; }

    /// <summary>A tracked event by its name; other calls by their type (<c>identify</c>, <c>page</c>, ...).</summary>
    public static JourneyEvent From(EventEnvelope e) => new()
    {
        MessageId = e.MessageId,
        Name = e.Event ?? e.Name ?? Wire.Name(e.Type),
        Timestamp = e.Timestamp,
        Properties = JsonSerializer.SerializeToElement(e.Properties),
    };
}
