namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>An arrow of the graph (<see cref="Label"/> is the exit's name) and how many passes took it.</summary>
public sealed record EdgeFigures(string From, string To, string Label, long Count);
