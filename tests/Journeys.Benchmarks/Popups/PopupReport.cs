using System.Globalization;
using System.Text;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;

namespace Journeys.Benchmarks.Popups;

public sealed record PopupReport(PopupBenchmarkOptions Options, MachineInfo Machine, PopupPhase Product, PopupPhase Floor, PopupPhase CommitFloor, LatencySummary CommitsUnderLoad, DatabaseCounters Database)
{
    public const double TargetP99Milliseconds = 15;
    public const int TargetRate = 2_000;
    public const int TargetVisitors = 1_000;

    public DateTimeOffset RanAt { get; } = DateTimeOffset.UtcNow;

    public bool TargetJudged => Options.Rate >= TargetRate && Options.Visitors >= TargetVisitors;

    public bool TargetMet => TargetJudged && Product.Latency.P99 <= TargetP99Milliseconds
        && Product.Arrived == Product.Sent && Product.Repeated == 0 && Product.Misdelivered == 0;

    public string Render()
    {
        var md = new StringBuilder();
        RunHeader.AppendTo(md, RanAt, Options.CommandLine, Machine);
        md.AppendLine(Invariant($"- System under test: PostgreSQL and {Options.Topology.Describe()} on this machine with the load generator. {Options.Visitors:N0} visitors connected to `/v1/visitors` (WebSockets, each with its own signed token); trigger events sent to `/v1/batch`, {Options.BatchSize} per request, at a fixed rate, each for one visitor in turn; a published journey (event trigger -> popup, entry `always`) answers each with a popup whose title is the event's number. Latency is from when the event was due to be sent to when its popup reached the visitor's connection: journal commit, partition read, profile grain, journey step, popup rendered and pushed through the gateway's observer (saved right after), SignalR to the client. Each phase is preceded by {Options.WarmupSeconds} s of warm-up at half the rate, drained before measuring."));
        md.AppendLine(Invariant($"- Floors: a bare SignalR hub in the load generator's process echoing each message to its sender, same connections count and rate; and bare durable commits, {Options.BatchSize} rows of a trigger event's size in one INSERT per request's worth, at the same rate into a table of their own with nothing else running (a popup cannot come sooner than its event's commit)."));
        md.AppendLine();
        md.AppendLine("| measurement | sent/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | arrived / sent | repeated | to another visitor | failed sends |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Row(Product));
        md.AppendLine(AckRow(Product));
        md.AppendLine(Invariant($"| bare durable commit beside the popups (10/s) | 10 | {CommitsUnderLoad.P50:F1} | {CommitsUnderLoad.P90:F1} | {CommitsUnderLoad.P99:F1} | {CommitsUnderLoad.P999:F1} | {CommitsUnderLoad.Max:F1} | - | - | - | - |"));
        md.AppendLine(Row(Floor));
        md.AppendLine(Row(CommitFloor));
        md.AppendLine();
        md.AppendLine(TargetLine());
        md.AppendLine();
        var parts = Product.CoresUsed.Keys.ToList();
        md.AppendLine("Cores used while the load ran (of " + Machine.Cores + "; from /proc):");
        md.AppendLine();
        md.AppendLine("| phase | " + string.Join(" | ", parts) + " | machine total |");
        md.AppendLine("|---|" + string.Concat(parts.Select(_ => "---:|")) + "---:|");
        foreach (var phase in new[] { Product, Floor, CommitFloor })
        {
            md.AppendLine(Invariant($"| {phase.Name} | {string.Join(" | ", parts.Select(p => phase.CoresUsed.GetValueOrDefault(p).ToString("F2", CultureInfo.InvariantCulture)))} | {phase.CoresUsed.Values.Sum():F2} |"));
        }
        md.AppendLine();
        md.AppendLine(CpuPerStepLine());
        md.AppendLine();
        md.AppendLine(DatabaseLine());
        return md.ToString();
    }

    /// <summary>CPU time per popup, by process: what a faster path must cut, and less noisy on a busy machine than latency.</summary>
    private string CpuPerStepLine()
    {
        double Millis(params string[] processes) =>
            processes.Sum(p => Product.CoresUsed.GetValueOrDefault(p)) * 1000 / Math.Max(Product.SentPerSecond, 1);
        return Options.Topology == BenchmarkTopology.Split
            ? Invariant($"CPU per event -> popup: silos {Millis("silo 1", "silo 2"):F2} ms, gateway {Millis("gateway"):F2} ms, PostgreSQL {Millis("postgres"):F2} ms.")
            : Invariant($"CPU per event -> popup: gateway with silo {Millis("gateway with silo"):F2} ms, PostgreSQL {Millis("postgres"):F2} ms.");
    }

    /// <summary>Every synchronous commit waits for the WAL written before it: its volume is part of each acknowledgement's wait.</summary>
    private string DatabaseLine()
    {
        var seconds = Options.Seconds;
        return Invariant($"PostgreSQL while the popups ran: {Database.Commits / (double)seconds:N0} commits/s, {Database.WalSyncs / (double)seconds:N0} WAL flushes/s, {Database.WalBytes / 1e6 / seconds:F1} MB/s of WAL ({Database.WalBytes / (double)Math.Max(Product.Sent, 1) / 1024:F1} KB per event).");
    }

    private string TargetLine()
    {
        var target = Invariant($"**Target (issue 5): popup p99 <= {TargetP99Milliseconds:F0} ms at {TargetRate:N0} events/s with {TargetVisitors:N0} connected visitors");
        if (!TargetJudged)
        {
            return target + Invariant($": not judged** (this run offered {Options.Rate:N0}/s to {Options.Visitors:N0} visitors).");
        }
        return target + (TargetMet ? ": met**" : ": missed**")
            + Invariant($" - p99 {Product.Latency.P99:F1} ms ({Product.Latency.P99 / TargetP99Milliseconds:F1}x the budget; floors p99: SignalR echo {Floor.Latency.P99:F1} ms, durable commit {CommitFloor.Latency.P99:F1} ms).");
    }

    private static string Row(PopupPhase p) => Invariant(
        $"| {p.Name} | {p.SentPerSecond:N0} | {p.Latency.P50:F1} | {p.Latency.P90:F1} | {p.Latency.P99:F1} | {p.Latency.P999:F1} | {p.Latency.Max:F1} | {p.Arrived:N0} / {p.Sent:N0} | {p.Repeated:N0} | {p.Misdelivered:N0} | {p.FailedSends:N0} |");

    /// <summary>The journal commit's share of the popup's time: from when the event was due until its request was answered.</summary>
    private static string AckRow(PopupPhase p) => Invariant(
        $"| of which: event acknowledged (journal commit) | - | {p.Acks.P50:F1} | {p.Acks.P90:F1} | {p.Acks.P99:F1} | {p.Acks.P999:F1} | {p.Acks.Max:F1} | - | - | - | - |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
