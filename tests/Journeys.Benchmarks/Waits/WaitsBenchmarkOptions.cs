using System.Globalization;

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
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- waits [options]
          --profiles N    profiles created, each with one pending wait (20000)
          --lead N        seconds from the start of creation to the first due wait (120)
          --window N      seconds over which the due times are spread (60)
          --batch N       events per ingestion request (500)
          --output PATH   markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    public static WaitsBenchmarkOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "waits" || args.Length % 2 == 0)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        string[] known = ["--profiles", "--lead", "--window", "--batch", "--output"];
        if (!values.Keys.All(known.Contains))
        {
            return null;
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new WaitsBenchmarkOptions { CommandLine = "" };
        return new WaitsBenchmarkOptions
        {
            Profiles = Int("--profiles", defaults.Profiles),
            LeadSeconds = Int("--lead", defaults.LeadSeconds),
            WindowSeconds = Int("--window", defaults.WindowSeconds),
            BatchSize = Int("--batch", defaults.BatchSize),
            Output = values.GetValueOrDefault("--output"),
            CommandLine = "dotnet run -c Release --project tests/Journeys.Benchmarks -- " + string.Join(' ', args),
        };
    }
}
