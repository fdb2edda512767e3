namespace Journeys.Benchmarks.Cluster;

/// <summary>How the system under test is laid out in processes on the benchmark machine.</summary>
public enum BenchmarkTopology
{
    /// <summary>Two silo processes and the gateway as a cluster client: docker-compose's layout.</summary>
    Split,

    /// <summary>The gateway hosting the cluster's only silo (<c>Orleans__HostSilo=true</c>): one process for a small machine.</summary>
    OneProcess,
}

public static class BenchmarkTopologies
{
    /// <summary>Null for anything but <c>split</c> (the default) and <c>one-process</c>: the command line is malformed.</summary>
    public static BenchmarkTopology? Parse(string? text) => text switch
    {
        null or "split" => BenchmarkTopology.Split,
        "one-process" => BenchmarkTopology.OneProcess,
        _ => null,
    };

    /// <summary>The processes of the system under test, as a run's report describes them.</summary>
    public static string Describe(this BenchmarkTopology topology) => topology == BenchmarkTopology.Split
        ? "2 silo processes and the gateway (Release)"
        : "one process: the gateway hosting the cluster's only silo (`Orleans__HostSilo=true`, Release)";
}
