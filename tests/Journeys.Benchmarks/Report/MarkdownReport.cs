using System.Globalization;
using System.Text;
using Journeys.Benchmarks.Cluster;
using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Report;

/// <summary>
/// Renders a run as markdown and keeps it in docs/benchmarks.md between markers, so the
/// hand-written analysis around it survives the next run.
/// </summary>
public static class MarkdownReport
{
    public static string Render(IngestionReport r)
    {
        var md = new StringBuilder();
        var fixedRate = r.FixedRate.Load;
        md.AppendLine(Invariant($"Run of {r.RanAt:yyyy-MM-dd HH:mm} UTC:"));
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine(r.Options.CommandLine);
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine(Invariant($"- Machine: {r.Machine.Cores} cores ({r.Machine.Cpu}), {r.Machine.Memory} RAM, {r.Machine.Os}, {r.Machine.Runtime}."));
        md.AppendLine(Invariant($"- Database: {r.Machine.Postgres}."));
        md.AppendLine(Invariant($"- Load average (1, 5, 15 min) when the run started: {r.Machine.LoadAverage}; the machine is shared, and the \"{CpuSampler.Others}\" column below is CPU that other work took during each phase."));
        md.AppendLine(Invariant($"- System under test: {r.Options.Topology.Describe()}, all on this machine with PostgreSQL and the load generator; {r.Options.BatchSize} events per request, {r.Options.Profiles:N0} customer profiles; events: 50% Page Viewed, 25% Cart Updated, 15% Trip Completed, 10% Booking Created (1-3 passengers, 1-2 segments, cashiers and corporates)."));
        if (r.Options.SiloNiceness > 0)
        {
            md.AppendLine(Invariant($"- The silos ran at `nice {r.Options.SiloNiceness}` (the gateway and PostgreSQL at 0): when the cores are short, acknowledging events goes before applying them, and the backlog columns below show what application had left."));
        }
        md.AppendLine();
        md.AppendLine("| measurement | events/s | ack p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | notes |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        md.AppendLine(Row(new ResultRow(
            Invariant($"durable HTTP ingestion, fixed rate {r.Options.Rate:N0}/s offered"), fixedRate.EventsPerSecond, fixedRate.AckLatency,
            Invariant($"{r.Options.Seconds} s open loop, latency from scheduled send; {fixedRate.FailedRequests} failed requests"))));
        var closed = r.ClosedLoop.Load;
        md.AppendLine(Row(new ResultRow(
            Invariant($"durable HTTP ingestion, max throughput ({r.Options.Senders} senders)"), closed.EventsPerSecond, closed.AckLatency,
            Invariant($"closed loop, {closed.Elapsed.TotalSeconds:F0} s; latency is service time; {closed.FailedRequests} failed requests"))));
        foreach (var baseline in r.Baselines)
        {
            md.AppendLine(Row(baseline));
        }
        md.AppendLine();
        md.AppendLine(TargetLine(r));
        md.AppendLine();
        md.AppendLine("| phase | acked events | in journal | lost | duplicates | rows per commit | DB commits/s | WAL flushes/s | WAL MB/s | backlog at end | all applied after |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(PhaseRow("fixed rate", r.FixedRate));
        md.AppendLine(PhaseRow("max throughput", r.ClosedLoop));
        md.AppendLine();
        md.AppendLine("Cores used while the load ran (of " + r.Machine.Cores + "; from /proc):");
        md.AppendLine();
        var parts = r.FixedRate.CoresUsed.Keys.ToList();
        md.AppendLine("| phase | " + string.Join(" | ", parts) + " | machine total |");
        md.AppendLine("|---|" + string.Concat(parts.Select(_ => "---:|")) + "---:|");
        md.AppendLine(CoresRow("fixed rate", parts, r.FixedRate));
        md.AppendLine(CoresRow("max throughput", parts, r.ClosedLoop));
        md.AppendLine();
        md.AppendLine("What PostgreSQL was busy with (pg_stat_activity every 100 ms: mean number of active backends per statement kind, and their commonest waits):");
        md.AppendLine();
        md.AppendLine("- fixed rate: " + r.FixedRate.DatabaseActivity);
        md.AppendLine("- max throughput: " + r.ClosedLoop.DatabaseActivity);
        return md.ToString();
    }

    private static string TargetLine(IngestionReport r)
    {
        var load = r.FixedRate.Load;
        var target = Invariant($"**Target (issue 3): >= {IngestionReport.TargetEventsPerSecond:N0} events/s with ack p99 <= {IngestionReport.TargetP99Milliseconds:F0} ms on 2 cores");
        if (!r.TargetTested)
        {
            return target + Invariant($": not judged** (the fixed-rate phase offered only {r.Options.Rate:N0} events/s).");
        }
        var rate = Invariant($"{load.EventsPerSecond:N0} events/s ({(load.EventsPerSecond / IngestionReport.TargetEventsPerSecond - 1) * 100:+0;-0;0}% vs target)");
        var p99 = Invariant($"p99 {load.AckLatency.P99:F1} ms ({load.AckLatency.P99 / IngestionReport.TargetP99Milliseconds * 100:F0}% of the budget)");
        var ceiling = Invariant($"ceiling {r.ClosedLoop.Load.EventsPerSecond:N0} events/s ({r.ClosedLoop.Load.EventsPerSecond / IngestionReport.TargetEventsPerSecond:F1}x target)");
        return target + (r.TargetMet ? ": met**" : ": missed**") + $" - {rate}, {p99}, {load.FailedRequests} failed requests; {ceiling}.";
    }

    private static string Row(ResultRow row) =>
        Invariant($"| {row.Name} | {row.EventsPerSecond:N0} | {row.Latency.P50:F1} | {row.Latency.P90:F1} | {row.Latency.P99:F1} | {row.Latency.P999:F1} | {row.Latency.Max:F1} | {row.Notes} |");

    private static string PhaseRow(string name, PhaseReport phase)
    {
        var seconds = phase.Load.Elapsed.TotalSeconds;
        var lost = Math.Max(0, phase.Load.AckedEvents - phase.JournalRows);
        var catchUp = phase.CatchUp is { } t ? Invariant($"{t.TotalSeconds:F1} s") : Invariant($"not within {phase.CatchUpTimeout.TotalSeconds:F0} s ({phase.BacklogAfterTimeout:N0} left)");
        return Invariant($"| {name} | {phase.Load.AckedEvents:N0} | {phase.JournalRows:N0} | {lost:N0} | {phase.Load.Duplicates:N0} | {phase.RowsPerCommit:F0} | {phase.Database.Commits / seconds:N0} | {phase.Database.WalSyncs / seconds:N0} | {phase.Database.WalBytes / seconds / 1e6:F1} | {phase.BacklogAtEnd:N0} | {catchUp} |");
    }

    private static string CoresRow(string name, IReadOnlyList<string> parts, PhaseReport phase) =>
        Invariant($"| {name} | {string.Join(" | ", parts.Select(p => phase.CoresUsed.GetValueOrDefault(p).ToString("F2", CultureInfo.InvariantCulture)))} | {phase.CoresUsed.Values.Sum():F2} |");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

}
