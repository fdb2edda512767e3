using System.Globalization;

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
        if (args.Length == 0 || args[0] != "memory" || args.Length % 2 == 0)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        if (!values.Keys.All(k => k is "--profiles" or "--events-per-profile" or "--concurrency" or "--output"))
        {
            return null;
        }
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var defaults = new MemoryBenchmarkOptions { CommandLine = "" };
        return new MemoryBenchmarkOptions
        {
            Profiles = Int("--profiles", defaults.Profiles),
            EventsPerProfile = Int("--events-per-profile", defaults.EventsPerProfile),
            Concurrency = Int("--concurrency", defaults.Concurrency),
            Output = values.GetValueOrDefault("--output"),
            CommandLine = "dotnet run -c Release --project tests/Journeys.Benchmarks -- " + string.Join(' ', args),
        };
    }
}
