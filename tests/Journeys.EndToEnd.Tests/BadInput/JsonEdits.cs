using System.Globalization;
using System.Text.Json.Nodes;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Sets or removes a field named by a relative path such as <c>properties.passengers[0].id</c>.</summary>
public static class JsonEdits
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, name) = Parent(root, path);
        parent[name] = value;
    }

    public static void Remove(JsonObject root, string path)
    {
        var (parent, name) = Parent(root, path);
        parent.Remove(name);
    }

    /// <summary>A path relative to <paramref name="basePath"/> as the API's error keys write it.</summary>
    public static string Absolute(string basePath, string path) => basePath + "." + path;

    private static (JsonObject Parent, string Name) Parent(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0
                ? node[part]!
                : node[part[..bracket]]![int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture)]!;
        }
        return (node.AsObject(), parts[^1]);
    }
}
