using System.Text.Json;

namespace Journeys.Engine.Journeys;

/// <summary>An event as the engine sees it; conditions read it as <c>event.name</c>, <c>event.properties.x</c>.</summary>
public sealed record JourneyEvent
{
    public required string MessageId { get; init; }

    public required string Name { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public JsonElement Properties { get; init; }
}
