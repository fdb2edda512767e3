using Journeys.Engine;
using Journeys.Engine.Journeys;

namespace Journeys.Channels.Dispatch;

/// <summary>What the profile grain wrote into an outbox row: the engine's command and the event behind it.</summary>
public sealed record OutboxPayload(JourneyCommand Command, JsonElement Event)
{
    public static OutboxPayload Parse(string json) =>
        JsonSerializer.Deserialize<OutboxPayload>(json, EngineJson.Options) ?? throw new JsonException("empty outbox payload");
}
