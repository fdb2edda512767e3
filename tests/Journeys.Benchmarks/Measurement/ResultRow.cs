namespace Journeys.Benchmarks.Measurement;

/// <summary>One line of the figures table.</summary>
public sealed record ResultRow(string Name, double EventsPerSecond, LatencySummary Latency, string Notes);
