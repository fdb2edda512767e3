namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>
/// The results page: every message node's sends, what became of them and its suppressions, the holdout comparison when the journey
/// has a holdout node, and conversions in all (<see cref="ConversionsOutsideGroups"/>: before or without a holdout).
/// </summary>
public sealed record JourneyResults(
    string JourneyId,
    string? Name,
    int? Version,
    long Entered,
    long Conversions,
    long ConversionsOutsideGroups,
    IReadOnlyList<MessageFigures> Messages,
    HoldoutResult? Holdout);
