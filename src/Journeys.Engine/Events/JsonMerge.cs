using System.Text.Json;
using System.Text.Json.Nodes;

namespace Journeys.Engine.Events;

/// <summary>Deep merge of JSON objects, used to lay batch-level context under each event's context.</summary>
internal static class JsonMerge
{
    /// <summary>A new object with <paramref name="below"/>'s members overlaid by <paramref name="above"/>'s, recursively.</summary>
    public static JsonObject Under(JsonElement? below, JsonElement? above)
    {
        var result = below is { } b ? (JsonObject)JsonNode.Parse(b.GetRawText())! : [];
        if (above is { } a)
        {
            Overlay(result, (JsonObject)JsonNode.Parse(a.GetRawText())!);
        }

        return result;
    }

    /// <summary>Overlays <paramref name="above"/> onto <paramref name="target"/>; nested objects merge, anything else replaces.</summary>
    public static void Overlay(JsonObject target, JsonObject above)
    {
        foreach (var (name, value) in above.ToList())
        {
            if (value is JsonObject nested && target[name] is JsonObject existing)
            {
                Overlay(existing, nested);
            }
            else
            {
                above.Remove(name);
                target[name] = value;
            }
        }
    }
}
