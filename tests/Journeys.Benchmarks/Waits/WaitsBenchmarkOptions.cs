namespace Journeys.Benchmarks.Waits;

/// <summary>Command-line settings of <c>waits</c>.</summary>
public sealed class WaitsBenchmarkOptions
{
    public int Profiles { get; init; } = 20_000;
    /// <summary>Seconds from the start of creation to the first due wait: creation and the silo restart must fit in it.</summary>
    public int LeadSeconds { get; init; } = 120;
    /// <summary>Seconds over which the due times are spread evenly.</summary>
    public int WindowSeconds { get; init; } = 60;
    public int BatchSize { get; init; } = 500;
    /// <summary>Profiles created between silo restarts: created profiles stay active until Orleans collects them, and a million at once would not fit in memory.</summary>
    public int Chunk { get; init; } = 200_000;
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- waits [options]
          --profiles N    profiles created, each with one pending wait (20000)
          --lead N        seconds from the start of creation to the first due wait (120)
          --window N      seconds over which the due times are spread (60)
          --batch N       events per ingestion request (500)
          --chunk N       profiles created between silo restarts (200000)
          --output PATH   markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    public static WaitsBenchmarkOptions? Parse(string[] args)
    {
        if (BenchmarkArguments.Parse(args, "waits", ["--profiles", "--lead", "--window", "--batch", "--chunk", "--output"]) is not { } arguments)
        {
            return null;
        }
        var defaults = new WaitsBenchmarkOptions { CommandLine = "" };
        return new WaitsBenchmarkOptions
        {
            Profiles = arguments.Number("--profiles", defaults.Profiles),
            LeadSeconds = arguments.Number("--lead", defaults.LeadSeconds),
            WindowSeconds = arguments.Number("--window", defaults.WindowSeconds),
            BatchSize = arguments.Number("--batch", defaults.BatchSize),
            Chunk = arguments.Number("--chunk", defaults.Chunk),
            Output = arguments.Text("--output"),
            CommandLine = arguments.CommandLine,
        };
    }
}
