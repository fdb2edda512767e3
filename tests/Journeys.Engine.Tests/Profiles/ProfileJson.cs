using System.Text.Json;

namespace Journeys.Engine.Tests.Profiles;

internal static class ProfileJson
{
    public static string Write<T>(T state) => JsonSerializer.Serialize(state);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json)!;
}
