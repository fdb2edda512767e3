using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Grains.Profiles;

/// <summary>The JSON form of the engine's profile records, in state and in the API.</summary>
public static class ProfileJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T state) => JsonSerializer.Serialize(state, Options);

    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException("profile state is null");
}
