using System.Text.Json;
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
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("journal payload is not an object");
        }
        if (root.TryGetProperty("erased", out _))
        {
            return null;
        }
        var envelope = root.Deserialize<EventEnvelope>(Options) ?? throw new JsonException("journal payload is null");
        if (envelope.Type != EventType.Track || envelope.Event is not { } name || !EventCatalogue.Default.IsCatalogued(name))
        {
            return envelope;
        }
        var errors = new List<FieldError>();
        var properties = root.TryGetProperty("properties", out var p) ? p : JsonSerializer.SerializeToElement(envelope.Properties);
        var typed = EventCatalogue.Default.Read(name, properties, "$.properties", errors);
        return errors.Count == 0
            ? envelope with { Typed = typed }
            : throw new JsonException($"journal payload of {envelope.MessageId} no longer validates: {string.Join("; ", errors)}");
    }
}
