namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>What the live journey view draws: the graph of the newest version with every node's and arrow's counts.</summary>
public sealed record JourneyLiveFigures(
    string JourneyId,
    string? Name,
    string Status,
    int? Version,
    string FirstNode,
    long Entered,
    IReadOnlyList<NodeFigures> Nodes,
    IReadOnlyList<EdgeFigures> Edges);
