using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine.Events;

/// <summary>The journal's payload format of an envelope: camelCase JSON, enums by their wire names.</summary>
public static class EnvelopeJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(EventEnvelope envelope) => JsonSerializer.Serialize(envelope, Options);

    public static EventEnvelope Deserialize(string json) =>
        JsonSerializer.Deserialize<EventEnvelope>(json, Options) ?? throw new JsonException("journal payload is null");
}
