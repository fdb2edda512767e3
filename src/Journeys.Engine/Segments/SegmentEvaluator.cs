using System.Text.Json;
using Journeys.Engine.Conditions;

namespace Journeys.Engine.Segments;

/// <summary>Re-evaluates a profile's segment membership; run after every change to the profile.</summary>
public static class SegmentEvaluator
{
    /// <summary>Segments see the profile only, not the event that changed it.</summary>
    public static readonly IReadOnlySet<FieldRoot> AllowedRoots = new HashSet<FieldRoot> { FieldRoot.Traits, FieldRoot.Computed };

    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement;

    public static SegmentChanges Evaluate(
        IEnumerable<SegmentDefinition> definitions,
        JsonElement traits,
        JsonElement computed,
        IReadOnlyCollection<string> currentMembers,
        DateTimeOffset now)
    {
        var source = new JsonFieldSource(traits, computed, Empty, Empty);
        var members = definitions
            .Where(d => ConditionEvaluator.Evaluate(d.Condition, source, now))
            .Select(d => d.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SegmentChanges(
            members,
            members.Except(currentMembers, StringComparer.Ordinal).ToList(),
            currentMembers.Except(members, StringComparer.Ordinal).ToList());
    }

    public static IReadOnlyList<ValidationError> Validate(SegmentDefinition definition)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > 100)
        {
            errors.Add(new ValidationError("$.name", "must be 1 to 100 characters"));
        }
        errors.AddRange(ConditionValidator.Validate(definition.Condition, "$.condition", AllowedRoots));
        return errors;
    }
}
