using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>The run's figures as markdown, written to <c>artifacts/test-results/bad-input.md</c>.</summary>
public static partial class FuzzReport
{
    public static string Markdown(FuzzSettings settings, IReadOnlyList<FuzzOutcome> outcomes, TimeSpan elapsed, IReadOnlyList<(string Process, TimeSpan Used)> cpu, int violations)
    {
        var text = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        text.AppendLine(ci, $"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC: {outcomes.Count:N0} cases, seed {settings.Seed}, {settings.Connections} connections, {elapsed.TotalSeconds:F1} s; {violations} violations.");
        text.AppendLine();
        text.AppendLine(ci, $"- Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} at the end of the run; the gateway, both silos, PostgreSQL and the fuzzer share it.");
        text.AppendLine(ci, $"- CPU used during the run: {string.Join(", ", cpu.Select(c => $"{c.Process} {c.Used.TotalSeconds:F1} s"))} ({cpu.Sum(c => c.Used.TotalSeconds):F1} s in all, PostgreSQL not counted).");
        text.AppendLine();
        text.AppendLine("```sh");
        text.AppendLine(settings.Rerun);
        text.AppendLine("```");
        text.AppendLine();
        text.AppendLine("| kind | cases | accepted (200) | rejected 400 | rejected 401 | rejected 413 | 5xx or no answer | answer p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in outcomes.GroupBy(o => o.Case.Kind).Append(outcomes.GroupBy(_ => "all").Single()))
        {
            var times = kind.Select(o => o.Elapsed.TotalMilliseconds).Order().ToArray();
            text.AppendLine(ci, $"| {kind.Key} | {kind.Count():N0} | {Count(kind, 200):N0} | {Count(kind, 400):N0} | {Count(kind, 401):N0} | {Count(kind, 413):N0} | {kind.Count(o => o.Status >= 500):N0} | {Percentile(times, 0.5):F1} | {Percentile(times, 0.99):F1} |");
        }
        text.AppendLine();
        text.AppendLine("Mutations (cases per kind of damage):");
        text.AppendLine();
        foreach (var kind in outcomes.GroupBy(o => o.Case.Kind))
        {
            var families = kind.GroupBy(o => Family(o.Case.Mutation)).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count():N0}");
            text.AppendLine(ci, $"- **{kind.Key}**: {string.Join(", ", families)}");
        }
        return text.ToString();
    }

    public static string Write(string markdown)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "artifacts", "test-results");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "bad-input.md");
        File.WriteAllText(path, markdown);
        return path;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Count(IEnumerable<FuzzOutcome> outcomes, int status) => outcomes.Count(o => o.Status == status);

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    // "wrong type at properties.amount" and "wrong type at userId" are one family, as are "nested 70 deep" and "nested 90 deep".
    private static string Family(string mutation)
    {
        if (mutation.Contains(" broken of ", StringComparison.Ordinal))
        {
            return "broken items among valid ones";
        }
        var name = mutation.Split([" at ", ": ", " \""], 2, StringSplitOptions.None)[0];
        name = name.StartsWith("missing ", StringComparison.Ordinal) ? "missing required field" : name;
        return Number().Replace(name, "N");
    }

    [GeneratedRegex(@"(?<= )-?\d+(?= |$)")]
    private static partial Regex Number();
}
