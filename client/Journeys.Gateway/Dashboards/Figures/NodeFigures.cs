namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>
/// One node's counters summed over every version that has the node: entries, passes, instances that
/// finished there, conversions recorded there, suppressed actions, instances waiting now; passes by exit
/// taken and suppressions by kind of reason.
/// </summary>
public sealed record NodeFigures(
    string NodeId,
    string Type,
    long Entered,
    long Passed,
    long Exited,
    long Converted,
    long Suppressed,
    long Waiting,
    IReadOnlyDictionary<string, long> Exits,
    IReadOnlyDictionary<string, long> SuppressedBy);
