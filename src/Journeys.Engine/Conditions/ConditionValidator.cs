using System.Text.Json;

namespace Journeys.Engine.Conditions;

/// <summary>Checks a condition tree and returns every problem with its JSON location.</summary>
public static class ConditionValidator
{
    /// <summary>All four roots: what journeys may read.</summary>
    public static IReadOnlySet<FieldRoot> AllRoots { get; } = new HashSet<FieldRoot>(Enum.GetValues<FieldRoot>());

    /// <param name="location">Where the condition sits in its document, e.g. <c>nodes[2].condition</c>.</param>
    /// <param name="allowedRoots">Segments, for instance, have no event or journey context.</param>
    public static IReadOnlyList<ValidationError> Validate(Condition? condition, string location, IReadOnlySet<FieldRoot>? allowedRoots = null)
    {
        var errors = new List<ValidationError>();
        Visit(condition, location, allowedRoots ?? AllRoots, errors);
        return errors;
    }

    private static void Visit(Condition? condition, string location, IReadOnlySet<FieldRoot> roots, List<ValidationError> errors)
    {
        switch (condition)
        {
            case null:
                errors.Add(new(location, "a condition is required"));
                break;
            case AndCondition { Conditions: var children }:
                VisitChildren(children, location, roots, errors);
                break;
            case OrCondition { Conditions: var children }:
                VisitChildren(children, location, roots, errors);
                break;
            case NotCondition not:
                Visit(not.Condition, $"{location}.condition", roots, errors);
                break;
            case FieldCondition field:
                VisitField(field, location, roots, errors);
                break;
        }
    }

    private static void VisitChildren(IReadOnlyList<Condition>? children, string location, IReadOnlySet<FieldRoot> roots, List<ValidationError> errors)
    {
        if (children is null)
        {
            errors.Add(new($"{location}.conditions", "a list of conditions is required"));
            return;
        }

        for (var i = 0; i < children.Count; i++)
        {
            Visit(children[i], $"{location}.conditions[{i}]", roots, errors);
        }
    }

    private static void VisitField(FieldCondition field, string location, IReadOnlySet<FieldRoot> roots, List<ValidationError> errors)
    {
        if (!FieldPath.TryParse(field.Field, out var path))
        {
            var root = field.Field?.Split('.')[0] ?? string.Empty;
            errors.Add(new($"{location}.field", FieldPath.TryParseRoot(root, out _)
                ? $"'{field.Field}' names no field under '{root}'"
                : $"unknown root field in '{field.Field}': expected traits, computed, event or context"));
        }
        else if (!roots.Contains(path.Root))
        {
            errors.Add(new($"{location}.field", $"'{field.Field}' cannot be used here: allowed roots are {string.Join(", ", roots.Select(r => r.ToString().ToLowerInvariant()))}"));
        }

        if (!ConditionOperators.TryParse(field.Op, out var op))
        {
            errors.Add(new($"{location}.op", $"unknown operator '{field.Op}': expected one of {string.Join(", ", ConditionOperators.Names)}"));
            return;
        }

        var problem = ValueProblem(op, field.Value);
        if (problem is not null)
        {
            errors.Add(new($"{location}.value", problem));
        }
    }

    private static string? ValueProblem(ConditionOperator op, JsonElement? value)
    {
        var kind = value?.ValueKind ?? JsonValueKind.Undefined;
        var name = ConditionOperators.NameOf(op);
        return op switch
        {
            ConditionOperator.Exists or ConditionOperator.NotExists =>
                kind is JsonValueKind.Undefined or JsonValueKind.Null ? null : $"'{name}' takes no value",
            ConditionOperator.Eq or ConditionOperator.Neq =>
                IsScalar(kind) ? null : $"'{name}' needs a string, number or boolean",
            ConditionOperator.In or ConditionOperator.NotIn =>
                kind == JsonValueKind.Array && value!.Value.EnumerateArray().All(item => IsScalar(item.ValueKind))
                    ? null
                    : $"'{name}' needs an array of strings, numbers or booleans",
            ConditionOperator.Gt or ConditionOperator.Gte or ConditionOperator.Lt or ConditionOperator.Lte =>
                kind == JsonValueKind.Number ? null : $"'{name}' needs a number",
            ConditionOperator.Contains =>
                IsScalar(kind) ? null : "'contains' needs a string (substring) or a scalar (array element)",
            ConditionOperator.StartsWith =>
                kind == JsonValueKind.String ? null : "'startsWith' needs a string",
            ConditionOperator.Before or ConditionOperator.After =>
                ConditionEvaluator.TryDate(value ?? default, out _) ? null : $"'{name}' needs an ISO 8601 date",
            ConditionOperator.WithinLast =>
                kind == JsonValueKind.String && IsoDuration.TryParse(value!.Value.GetString(), out var span) && span > TimeSpan.Zero
                    ? null
                    : "'withinLast' needs a positive ISO 8601 duration such as P7D",
            _ => null,
        };
    }

    private static bool IsScalar(JsonValueKind kind) =>
        kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
}
