using System.Globalization;

namespace Journeys.Benchmarks;

/// <summary>The <c>name --option value ...</c> command line every benchmark takes.</summary>
public sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> values;

    private BenchmarkArguments(Dictionary<string, string> values, string commandLine)
    {
        this.values = values;
        CommandLine = commandLine;
    }

    /// <summary>The command that reproduces the run.</summary>
    public string CommandLine { get; }

    /// <summary>Null when the arguments do not name <paramref name="benchmark"/>, pair up, or stay within <paramref name="known"/>.</summary>
    public static BenchmarkArguments? Parse(string[] args, string benchmark, IReadOnlyCollection<string> known)
    {
        if (args.Length == 0 || args[0] != benchmark || args.Length % 2 == 0)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        return values.Keys.All(known.Contains)
            ? new BenchmarkArguments(values, "dotnet run -c Release --project tests/Journeys.Benchmarks -- " + string.Join(' ', args))
            : null;
    }

    public int Number(string option, int fallback) => values.TryGetValue(option, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string? Text(string option) => values.GetValueOrDefault(option);
}
