using System.Globalization;
using System.Text.Json;

namespace Journeys.Engine.Conditions;

/// <summary>
/// Evaluates conditions against a field source. It never throws: a missing field, a value of the
/// wrong kind or an unknown operator makes the comparison false (validation reports those earlier).
/// </summary>
public static class ConditionEvaluator
{
    public static bool Evaluate(Condition condition, IFieldSource fields, DateTimeOffset now) => condition switch
    {
        AndCondition and => and.Conditions.All(child => Evaluate(child, fields, now)),
        OrCondition or => or.Conditions.Any(child => Evaluate(child, fields, now)),
        NotCondition not => !Evaluate(not.Condition, fields, now),
        FieldCondition field => EvaluateField(field, fields, now),
        _ => false,
    };

    private static bool EvaluateField(FieldCondition condition, IFieldSource fields, DateTimeOffset now)
    {
        if (!ConditionOperators.TryParse(condition.Op, out var op) || !FieldPath.TryParse(condition.Field, out var path))
        {
            return false;
        }

        var present = fields.TryGetValue(path, out var actual);
        var expected = condition.Value ?? default;
        return op switch
        {
            ConditionOperator.Exists => present,
            ConditionOperator.NotExists => !present,
            // Absent is "not equal" and "not in", as marketers expect from a segment builder.
            ConditionOperator.Neq => !present || !ScalarEquals(actual, expected),
            ConditionOperator.NotIn => !present || !InArray(actual, expected),
            _ when !present => false,
            ConditionOperator.Eq => ScalarEquals(actual, expected),
            ConditionOperator.In => InArray(actual, expected),
            ConditionOperator.Gt => CompareNumbers(actual, expected) is > 0,
            ConditionOperator.Gte => CompareNumbers(actual, expected) is >= 0,
            ConditionOperator.Lt => CompareNumbers(actual, expected) is < 0,
            ConditionOperator.Lte => CompareNumbers(actual, expected) is <= 0,
            ConditionOperator.Contains => Contains(actual, expected),
            ConditionOperator.StartsWith => actual.ValueKind == JsonValueKind.String
                && expected.ValueKind == JsonValueKind.String
                && actual.GetString()!.StartsWith(expected.GetString()!, StringComparison.Ordinal),
            ConditionOperator.Before => TryDate(actual, out var a) && TryDate(expected, out var b) && a < b,
            ConditionOperator.After => TryDate(actual, out var a) && TryDate(expected, out var b) && a > b,
            ConditionOperator.WithinLast => TryDate(actual, out var at)
                && expected.ValueKind == JsonValueKind.String
                && IsoDuration.TryParse(expected.GetString(), out var window)
                && at <= now && at >= now - window,
            _ => false,
        };
    }

    /// <summary>Scalar equality: numbers by value, strings ordinally, booleans; never arrays or objects.</summary>
    public static bool ScalarEquals(JsonElement left, JsonElement right) => (left.ValueKind, right.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => left.GetDouble().Equals(right.GetDouble()),
        (JsonValueKind.String, JsonValueKind.String) => string.Equals(left.GetString(), right.GetString(), StringComparison.Ordinal),
        (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) => true,
        _ => false,
    };

    private static bool InArray(JsonElement actual, JsonElement candidates) =>
        candidates.ValueKind == JsonValueKind.Array && candidates.EnumerateArray().Any(candidate => ScalarEquals(actual, candidate));

    private static int? CompareNumbers(JsonElement actual, JsonElement expected) =>
        actual.ValueKind == JsonValueKind.Number && expected.ValueKind == JsonValueKind.Number
            ? actual.GetDouble().CompareTo(expected.GetDouble())
            : null;

    private static bool Contains(JsonElement actual, JsonElement expected) => actual.ValueKind switch
    {
        JsonValueKind.String => expected.ValueKind == JsonValueKind.String
            && actual.GetString()!.Contains(expected.GetString()!, StringComparison.Ordinal),
        JsonValueKind.Array => actual.EnumerateArray().Any(item => ScalarEquals(item, expected)),
        _ => false,
    };

    /// <summary>Reads an ISO 8601 date; one without an offset is taken as UTC.</summary>
    public static bool TryDate(JsonElement value, out DateTimeOffset date)
    {
        date = default;
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
    }
}
