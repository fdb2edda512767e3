namespace Journeys.Benchmarks.Load;

public enum TrafficMix
{
    /// <summary>The ingestion benchmark's mix, unchanged between runs so its figures stay comparable.</summary>
    Ingestion,
    /// <summary>Also what the sample journeys react to, stamped with the time it is sent.</summary>
    Journeys,
}
