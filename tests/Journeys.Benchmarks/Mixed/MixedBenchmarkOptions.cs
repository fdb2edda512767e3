using System.Globalization;

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
        if (args.Length == 0 || args[0] != "mixed" || args.Length % 2 == 0)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        if (!values.Keys.All(k => k is "--seconds" or "--warmup" or "--rate" or "--batch" or "--profiles" or "--output"))
        {
            return null;
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new MixedBenchmarkOptions { CommandLine = "" };
        return new MixedBenchmarkOptions
        {
            Seconds = Int("--seconds", defaults.Seconds),
            WarmupSeconds = Int("--warmup", defaults.WarmupSeconds),
            Rate = Int("--rate", defaults.Rate),
            BatchSize = Int("--batch", defaults.BatchSize),
            Profiles = Int("--profiles", defaults.Profiles),
            Output = values.GetValueOrDefault("--output"),
            CommandLine = "dotnet run -c Release --project tests/Journeys.Benchmarks -- " + string.Join(' ', args),
        };
    }
}
