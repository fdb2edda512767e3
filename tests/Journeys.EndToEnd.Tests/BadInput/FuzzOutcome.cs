namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>What the gateway answered to one case.</summary>
public sealed record FuzzOutcome(int Number, FuzzCase Case, int Status, IReadOnlyList<string> ErrorKeys, string Body, TimeSpan Elapsed)
{
    /// <summary>Why the answer breaks the properties, or null when it keeps them.</summary>
    public string? Violation()
    {
        if (Status >= 500)
        {
            return $"server error {Status}";
        }
        if (Status != Case.Expected.Status)
        {
            return $"status {Status}, expected {Case.Expected.Status}";
        }
        var missing = Case.Expected.PathGroups.Where(group => !group.Any(ErrorKeys.Contains)).ToList();
        return missing.Count == 0
            ? null
            : $"error keys [{string.Join(", ", ErrorKeys)}] name none of [{string.Join("] nor [", missing.Select(g => string.Join(" | ", g)))}]";
    }

    public override string ToString()
    {
        var body = Body.Length > 600 ? Body[..600] + "..." : Body;
        return $"case {Number} ({Case.Kind}: {Case.Mutation}) {Case.Method} {Case.Route} -> {Status}: {body}";
    }
}
