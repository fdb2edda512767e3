using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine.Running;

/// <summary>The JSON spelling of profile state that conditions and segments read (camelCase, enums by name).</summary>
public static class ProfileStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
