namespace Journeys.Benchmarks.Mixed;

/// <summary>Command-line settings of <c>mixed</c>.</summary>
public sealed class MixedBenchmarkOptions
{
    public int Seconds { get; init; } = 60;
    public int WarmupSeconds { get; init; } = 5;
    public int Rate { get; init; } = 2_000;
    public int BatchSize { get; init; } = 100;
    public int Profiles { get; init; } = 20_000;
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- mixed [options]
          --seconds N      length of the measured fixed-rate phase (60)
          --warmup N       seconds of warm-up traffic before it (5)
          --rate N         offered events/s (2000)
          --batch N        events per request (100)
          --profiles N     distinct customers (20000)
          --output PATH    markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    public static MixedBenchmarkOptions? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args, "mixed", ["--seconds", "--warmup", "--rate", "--batch", "--profiles", "--output"]) is not { } arguments)
        {
            return null;
        }
        var defaults = new MixedBenchmarkOptions { CommandLine = "" };
        return new MixedBenchmarkOptions
        {
            Seconds = arguments.Number("--seconds", defaults.Seconds),
            WarmupSeconds = arguments.Number("--warmup", defaults.WarmupSeconds),
            Rate = arguments.Number("--rate", defaults.Rate),
            BatchSize = arguments.Number("--batch", defaults.BatchSize),
            Profiles = arguments.Number("--profiles", defaults.Profiles),
            Output = arguments.Text("--output"),
            CommandLine = arguments.CommandLine,
        };
    }
}
