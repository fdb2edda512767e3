using System.Globalization;
using System.Text.Json.Nodes;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Sets or removes a field named by a relative path such as <c>properties.passengers[0].id</c> or <c>branches[0]</c>.</summary>
public static class JsonEdits
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var (parent, name, index) = Parent(root, path);
        if (index is { } i)
        {
            parent[name]![i] = value;
        }
        else
        {
            parent[name] = value;
        }
    }

    public static void Remove(JsonObject root, string path)
    {
        var (parent, name, index) = Parent(root, path);
        if (index is { } i)
        {
            parent[name]!.AsArray().RemoveAt(i);
        }
        else
        {
            parent.Remove(name);
        }
    }

    private static (JsonObject Parent, string Name, int? Index) Parent(JsonObject root, string path)
    {
        var parts = path.Split('.');
        JsonNode node = root;
        foreach (var part in parts[..^1])
        {
            var (name, index) = Split(part);
            node = index is { } i ? node[name]![i]! : node[name]!;
        }
        var (last, lastIndex) = Split(parts[^1]);
        return (node.AsObject(), last, lastIndex);
    }

    private static (string Name, int? Index) Split(string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0 ? (part, null) : (part[..bracket], int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture));
    }
}
