using System.Globalization;

namespace Journeys.Benchmarks.Popups;

/// <summary>Command-line settings of <c>popups</c>.</summary>
public sealed class PopupBenchmarkOptions
{
    public int Seconds { get; init; } = 20;
    public int WarmupSeconds { get; init; } = 5;
    public int Rate { get; init; } = 2_000;
    public int Visitors { get; init; } = 1_000;
    /// <summary>Events per ingestion request: at 2,000/s, 20 per request is a request every 10 ms.</summary>
    public int BatchSize { get; init; } = 20;
    public string? Output { get; init; }
    public required string CommandLine { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Journeys.Benchmarks -- popups [options]
          --seconds N     length of each measured phase (20)
          --warmup N      seconds of warm-up traffic before measuring (5)
          --rate N        events/s offered, each one a popup for a connected visitor (2000)
          --visitors N    connected visitors (1000)
          --batch N       events per ingestion request (20)
          --output PATH   markdown file to update (docs/benchmarks.md); "-" prints only
        """;

    public static PopupBenchmarkOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "popups" || args.Length % 2 == 0)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        string[] known = ["--seconds", "--warmup", "--rate", "--visitors", "--batch", "--output"];
        if (!values.Keys.All(known.Contains))
        {
            return null;
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new PopupBenchmarkOptions { CommandLine = "" };
        return new PopupBenchmarkOptions
        {
            Seconds = Int("--seconds", defaults.Seconds),
            WarmupSeconds = Int("--warmup", defaults.WarmupSeconds),
            Rate = Int("--rate", defaults.Rate),
            Visitors = Int("--visitors", defaults.Visitors),
            BatchSize = Int("--batch", defaults.BatchSize),
            Output = values.GetValueOrDefault("--output"),
            CommandLine = "dotnet run -c Release --project tests/Journeys.Benchmarks -- " + string.Join(' ', args),
        };
    }
}
