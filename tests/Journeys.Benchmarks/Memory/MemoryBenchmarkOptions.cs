namespace Journeys.Benchmarks.Memory;

/// <summary>Command-line settings of <c>memory</c>.</summary>
public sealed class MemoryBenchmarkOptions
{
    public int Profiles { get; init; } = 100_000;
    public int EventsPerProfile { get; init; } = 6;
    public int Concurrency { get; init; } = 256;
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- memory [options]
          --profiles N            customer profiles given typical state, then activated cold (100000)
          --events-per-profile N  events per profile on average, sample journeys published (6)
          --concurrency N         activations in flight at once (256)
          --output PATH           markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    public static MemoryBenchmarkOptions? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args, "memory", ["--profiles", "--events-per-profile", "--concurrency", "--output"]) is not { } arguments)
        {
            return null;
        }
        var defaults = new MemoryBenchmarkOptions { CommandLine = "" };
        return new MemoryBenchmarkOptions
        {
            Profiles = arguments.Number("--profiles", defaults.Profiles),
            EventsPerProfile = arguments.Number("--events-per-profile", defaults.EventsPerProfile),
            Concurrency = arguments.Number("--concurrency", defaults.Concurrency),
            Output = arguments.Text("--output"),
            CommandLine = arguments.CommandLine,
        };
    }
}
