using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Journeys.Engine.Events.Catalogue;

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

    /// <summary>
    /// The envelope back from the journal, typed properties included (they are derived from the
    /// properties, so they are not stored twice). Null for a payload erased on request.
    /// </summary>
    public static EventEnvelope? Deserialize(string json)
    {
        var node = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("journal payload is not an object");
        if (node["erased"] is not null)
        {
            return null;
        }
        var envelope = node.Deserialize<EventEnvelope>(Options) ?? throw new JsonException("journal payload is null");
        if (envelope.Type != EventType.Track || envelope.Event is not { } name || !EventCatalogue.Default.IsCatalogued(name))
        {
            return envelope;
        }
        var errors = new List<FieldError>();
        var typed = EventCatalogue.Default.Read(name, JsonSerializer.SerializeToElement(envelope.Properties), "$.properties", errors);
        return errors.Count == 0
            ? envelope with { Typed = typed }
            : throw new JsonException($"journal payload of {envelope.MessageId} no longer validates: {string.Join("; ", errors)}");
    }
}
