using System.Text.Json;

namespace Journeys.Engine.Conditions;

/// <summary>A field source over one JSON object per root; a root left undefined has no fields.</summary>
public sealed class JsonFieldSource(JsonElement traits, JsonElement computed, JsonElement @event, JsonElement context) : IFieldSource
{
    public bool TryGetValue(FieldPath path, out JsonElement value)
    {
        value = path.Root switch
        {
            FieldRoot.Traits => traits,
            FieldRoot.Computed => computed,
            FieldRoot.Event => @event,
            _ => context,
        };
        foreach (var segment in path.Segments)
        {
            if (!TryStep(value, segment, out value))
            {
                value = default;
                return false;
            }
        }

        return value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
    }

    /// <summary>A segment names an object's property, or an array's element by its index (<c>segments.0.departure</c>).</summary>
    private static bool TryStep(JsonElement value, string segment, out JsonElement next)
    {
        if (value.ValueKind == JsonValueKind.Object)
        {
            return value.TryGetProperty(segment, out next);
        }
        if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < value.GetArrayLength())
        {
            next = value[index];
            return true;
        }
        next = default;
        return false;
    }
}
