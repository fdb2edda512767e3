using System.Collections.Frozen;

namespace Journeys.Engine.Conditions;

/// <summary>The operators' JSON names and the kind of value each expects.</summary>
public static class ConditionOperators
{
    private static readonly FrozenDictionary<string, ConditionOperator> ByName = new Dictionary<string, ConditionOperator>
    {
        ["eq"] = ConditionOperator.Eq,
        ["neq"] = ConditionOperator.Neq,
        ["gt"] = ConditionOperator.Gt,
        ["gte"] = ConditionOperator.Gte,
        ["lt"] = ConditionOperator.Lt,
        ["lte"] = ConditionOperator.Lte,
        ["in"] = ConditionOperator.In,
        ["notIn"] = ConditionOperator.NotIn,
        ["contains"] = ConditionOperator.Contains,
        ["startsWith"] = ConditionOperator.StartsWith,
        ["exists"] = ConditionOperator.Exists,
        ["notExists"] = ConditionOperator.NotExists,
        ["before"] = ConditionOperator.Before,
        ["after"] = ConditionOperator.After,
        ["withinLast"] = ConditionOperator.WithinLast,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The names in declaration order, so error messages list them as the docs do.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<ConditionOperator>().Select(NameOf)];

    public static bool TryParse(string? name, out ConditionOperator op) =>
        ByName.TryGetValue(name ?? string.Empty, out op);

    public static string NameOf(ConditionOperator op) => ByName.First(pair => pair.Value == op).Key;
}
