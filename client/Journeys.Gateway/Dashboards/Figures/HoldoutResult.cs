using Journeys.Engine.Analytics;

namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>
/// Treatment against control at a holdout node: group sizes are the node's passes by side, conversions
/// those of instances that went through it. <see cref="Comparison"/> is null while a group is empty.
/// </summary>
public sealed record HoldoutResult(
    string NodeId,
    double Percent,
    long TreatmentSize,
    long TreatmentConversions,
    long ControlSize,
    long ControlConversions,
    ConversionComparison? Comparison);
