namespace Journeys.Benchmarks;

/// <summary>Command-line settings of <c>ingestion</c>; defaults keep a full run to a few minutes.</summary>
public sealed class BenchmarkOptions
{
    public int Seconds { get; init; } = 30;
    /// <summary>Length of the closed-loop phase; 0 means as long as the fixed-rate phase.</summary>
    public int ClosedSeconds { get; init; }
    public int WarmupSeconds { get; init; } = 5;
    /// <summary>
    /// Events/s of the warm-up; 0 means the fixed rate. Below what profiles apply in real time, a longer warm-up
    /// finishes the processes' tiered JIT (still ~40% of the gateway 25 s after start) without leaving a backlog.
    /// </summary>
    public int WarmupRate { get; init; }
    public int Rate { get; init; } = 12_000;
    public int BatchSize { get; init; } = 100;
    public int Profiles { get; init; } = 50_000;
    public int Senders { get; init; } = 32;
    /// <summary>Requests generated up front for the closed loop, as events/s over its duration; it stops early when they run out.</summary>
    public int ClosedLoopCeiling { get; init; } = 40_000;
    public int NaiveTasks { get; init; } = 32;
    public int NaiveSeconds { get; init; } = 15;
    /// <summary>The silo processes' <c>nice</c> value (0: same priority as the gateway).</summary>
    public int SiloNiceness { get; init; }
    public Cluster.BenchmarkTopology Topology { get; init; }
    /// <summary>How long each phase waits for profiles to apply its backlog before it reports what is left.</summary>
    public int CatchUpSeconds { get; init; } = 600;
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- ingestion [options]
          --seconds N           length of the fixed-rate and the closed-loop phase (30)
          --closed-seconds N    length of the closed-loop phase when it differs (e.g. a 10-minute fixed rate)
          --warmup N            seconds of warm-up traffic before measuring (5)
          --warmup-rate N       events/s of the warm-up (the fixed rate)
          --rate N              offered events/s of the fixed-rate phase (12000)
          --batch N             events per request (100)
          --profiles N          distinct customer profiles (50000)
          --senders N           concurrent senders of the closed-loop phase (32)
          --closed-ceiling N    events/s generated up front for the closed loop (40000)
          --naive-tasks N       concurrent tasks of the per-event baselines (32)
          --naive-seconds N     length of each per-event baseline (15)
          --silo-nice N         run the silos at nice N: acknowledging before applying (0)
          --catch-up N          seconds each phase waits for profiles to apply its backlog (600)
          --topology T          split: 2 silos + the gateway; one-process: the gateway hosting the only silo (split)
          --output PATH         markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    /// <summary>Null when the arguments do not name the ingestion benchmark or are malformed.</summary>
    public static BenchmarkOptions? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args, "ingestion", ["--seconds", "--closed-seconds", "--warmup", "--warmup-rate", "--rate", "--batch", "--profiles", "--senders", "--closed-ceiling", "--naive-tasks", "--naive-seconds", "--silo-nice", "--catch-up", "--topology", "--output"]) is not { } arguments)
        {
            return null;
        }
        if (Cluster.BenchmarkTopologies.Parse(arguments.Text("--topology")) is not { } topology)
        {
            return null;
        }
        var defaults = new BenchmarkOptions { CommandLine = "" };
        return new BenchmarkOptions
        {
            Seconds = arguments.Number("--seconds", defaults.Seconds),
            ClosedSeconds = arguments.Number("--closed-seconds", defaults.ClosedSeconds),
            WarmupSeconds = arguments.Number("--warmup", defaults.WarmupSeconds),
            WarmupRate = arguments.Number("--warmup-rate", defaults.WarmupRate),
            Rate = arguments.Number("--rate", defaults.Rate),
            BatchSize = arguments.Number("--batch", defaults.BatchSize),
            Profiles = arguments.Number("--profiles", defaults.Profiles),
            Senders = arguments.Number("--senders", defaults.Senders),
            ClosedLoopCeiling = arguments.Number("--closed-ceiling", defaults.ClosedLoopCeiling),
            NaiveTasks = arguments.Number("--naive-tasks", defaults.NaiveTasks),
            NaiveSeconds = arguments.Number("--naive-seconds", defaults.NaiveSeconds),
            SiloNiceness = arguments.Number("--silo-nice", defaults.SiloNiceness),
            CatchUpSeconds = arguments.Number("--catch-up", defaults.CatchUpSeconds),
            Topology = topology,
            Output = arguments.Text("--output"),
            CommandLine = arguments.CommandLine,
        };
    }
}
