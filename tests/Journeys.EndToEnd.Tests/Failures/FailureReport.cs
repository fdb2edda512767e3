using System.Globalization;
using System.Text;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// The figures one failure run measured, as the Markdown docs/benchmarks.md copies: written to the test
/// output and to <c>failure-tests.md</c> under the test results (JOURNEYS_TEST_RESULTS, else artifacts/test-results).
/// </summary>
public sealed class FailureReport
{
    public required TimeSpan LoadDuration { get; init; }
    public required int OfferedPerSecond { get; init; }
    public required IReadOnlyList<FaultWindow> Faults { get; init; }
    public required int AckedEvents { get; init; }
    public required int FailedAttempts { get; init; }
    public required int Profiles { get; init; }
    public required int ProfilesAppliedOnce { get; init; }
    public required long JournalRows { get; init; }
    public required int ExpectedSends { get; init; }
    public required int SentSteps { get; init; }
    public required int StepsWithTwoKeys { get; init; }
    public required int RepeatedRequests { get; init; }
    public required string OutboxStatuses { get; init; }
    public required IReadOnlyList<TimeSpan> DueStepLateness { get; init; }
    public required int DueStepsLost { get; init; }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Load: {OfferedPerSecond:N0} events/s offered for {LoadDuration.TotalSeconds:F0} s; {AckedEvents:N0} events acknowledged, {FailedAttempts:N0} failed attempts (each retried with the same messageIds)."));
        text.AppendLine();
        text.AppendLine("| fault | until a new request was acked s | until every partition delivered s | failed attempts | restart until healthy s |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var f in Faults)
        {
            var repair = f.Repair is { } r ? Seconds(r) : "-";
            text.AppendLine(Invariant($"| {f.Fault} | {Seconds(f.UntilAcked)} | {Seconds(f.UntilApplied)} | {f.FailedAttempts} | {repair} |"));
        }
        text.AppendLine();
        var late = DueStepLateness.Order().ToList();
        text.AppendLine("| check | result |");
        text.AppendLine("|---|---|");
        text.AppendLine(Invariant($"| acked events applied exactly once | {ProfilesAppliedOnce} of {Profiles} profiles hold exactly their acked events (event count, page views, trips); journal rows {JournalRows:N0} for {AckedEvents:N0} acked |"));
        text.AppendLine(Invariant($"| webhook steps sent (one outbox row each) | {SentSteps:N0} of {ExpectedSends:N0}; lost {ExpectedSends - SentSteps}; steps with two keys {StepsWithTwoKeys}; requests repeated with the same Idempotency-Key {RepeatedRequests}; outbox {OutboxStatuses} |"));
        text.AppendLine(Invariant($"| due steps (3 s wait, then a webhook) | {late.Count:N0} sent, {DueStepsLost} lost; late after ack + wait p50 {Seconds(Percentile(late, 0.5))} s, p99 {Seconds(Percentile(late, 0.99))} s, max {Seconds(late.LastOrDefault())} s |"));
        return text.ToString();
    }

    /// <summary>JOURNEYS_TEST_RESULTS (relative to the repository), else artifacts/test-results.</summary>
    public static string ResultsDirectory =>
        Environment.GetEnvironmentVariable("JOURNEYS_TEST_RESULTS") is { Length: > 0 } configured
            ? Path.GetFullPath(configured, RepositoryPaths.Root)
            : Path.Combine(RepositoryPaths.Root, "artifacts", "test-results");

    /// <summary>Writes the Markdown to the results directory; returns the file's path.</summary>
    public string Write()
    {
        Directory.CreateDirectory(ResultsDirectory);
        var path = Path.Combine(ResultsDirectory, "failure-tests.md");
        File.WriteAllText(path, ToMarkdown());
        return path;
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double quantile) =>
        sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
