using System.Text.Json;

namespace Journeys.Engine.Conditions;

/// <summary>
/// Gives conditions their data. Profile grains implement it over their state; segments and journeys
/// use it alike, so the evaluator never knows where values live.
/// </summary>
public interface IFieldSource
{
    /// <summary>The value at <paramref name="path"/>, or false when absent.</summary>
    bool TryGetValue(FieldPath path, out JsonElement value);
}
