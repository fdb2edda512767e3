using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine;

/// <summary>The one JSON shape of conditions, journeys, instances and commands.</summary>
public static class EngineJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Hand-written and UI-built JSON does not always put "type" first.
            AllowOutOfOrderMetadataProperties = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new IsoDurationConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
