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
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(segment, out value))
            {
                value = default;
                return false;
            }
        }

        return value.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null);
    }
}
