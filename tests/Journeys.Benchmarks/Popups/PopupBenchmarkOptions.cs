namespace Journeys.Benchmarks.Popups;

/// <summary>Command-line settings of <c>popups</c>.</summary>
public sealed class PopupBenchmarkOptions
{
    public int Seconds { get; init; } = 20;
    // Long enough for the JIT to finish tiering the hot path: a 5 s warm-up left ~17% of the CPU in the JIT (perf,
    // 2026-12-01), 30 s still ~12% and the gateway at 0.33 cores against 0.19 after 90 s (2026-12-02).
    public int WarmupSeconds { get; init; } = 60;
    public int Rate { get; init; } = 2_000;
    public int Visitors { get; init; } = 1_000;
    /// <summary>Events per ingestion request: at 2,000/s, 20 per request is a request every 10 ms.</summary>
    public int BatchSize { get; init; } = 20;
    public Cluster.BenchmarkTopology Topology { get; init; }
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- popups [options]
          --seconds N     length of each measured phase (20)
          --warmup N      seconds of warm-up traffic before measuring (60)
          --rate N        events/s offered, each one a popup for a connected visitor (2000)
          --visitors N    connected visitors (1000)
          --batch N       events per ingestion request (20)
          --topology T    split: 2 silos + the gateway; one-process: the gateway hosting the only silo (split)
          --output PATH   markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    public static PopupBenchmarkOptions? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args, "popups", ["--seconds", "--warmup", "--rate", "--visitors", "--batch", "--topology", "--output"]) is not { } arguments)
        {
            return null;
        }
        if (Cluster.BenchmarkTopologies.Parse(arguments.Text("--topology")) is not { } topology)
        {
            return null;
        }
        var defaults = new PopupBenchmarkOptions { CommandLine = "" };
        return new PopupBenchmarkOptions
        {
            Seconds = arguments.Number("--seconds", defaults.Seconds),
            WarmupSeconds = arguments.Number("--warmup", defaults.WarmupSeconds),
            Rate = arguments.Number("--rate", defaults.Rate),
            Visitors = arguments.Number("--visitors", defaults.Visitors),
            BatchSize = arguments.Number("--batch", defaults.BatchSize),
            Topology = topology,
            Output = arguments.Text("--output"),
            CommandLine = arguments.CommandLine,
        };
    }
}
