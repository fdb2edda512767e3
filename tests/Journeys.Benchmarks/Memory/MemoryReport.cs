using System.Globalization;
using System.Text;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;

namespace Journeys.Benchmarks.Memory;

public sealed record MemoryReport(
    MemoryBenchmarkOptions Options,
    MachineInfo Machine,
    LoadResult Seeding,
    StoredState Stored,
    int Activated,
    long ActiveAtEnd,
    TimeSpan ActivationTime,
    LatencySummary ActivationLatency,
    HeapReading Before,
    HeapReading After,
    HeapReading WithEmptyProfiles,
    double IdleCores)
{
    public const double TargetBytesPerProfile = 4 * 1024;

    public DateTimeOffset RanAt { get; } = DateTimeOffset.UtcNow;
    public double BytesPerProfile => (After.LiveBytes - Before.LiveBytes) / (double)Activated;
    public double BytesPerEmptyProfile => (WithEmptyProfiles.LiveBytes - After.LiveBytes) / (double)Activated;
    public double ActivationsPerSecond => Activated / ActivationTime.TotalSeconds;
    public bool TargetMet => ActiveAtEnd >= Activated && BytesPerProfile <= TargetBytesPerProfile;

    public string Render()
    {
        var md = new StringBuilder();
        RunHeader.AppendTo(md, RanAt, Options.CommandLine, Machine);
        md.AppendLine(Invariant($"- Typical state: the ten sample journeys published, then {Seeding.AckedEvents:N0} events of the ingestion benchmark's mix (page views, cart updates, toll trips, bookings with passengers, cashiers and corporates) over {Options.Profiles:N0} customers through `/v1/batch` on 2 silo processes and the gateway, until every profile had applied and saved them. Stored customer state: {Stored.Profiles:N0} profiles, {Stored.MeanBytes:N0} bytes each on average (Orleans binary serialization)."));
        md.AppendLine(Invariant($"- Then the processes were stopped and one production silo (PostgreSQL clustering, grouped profile storage, reminders) was started inside the benchmark process; {Options.Profiles - Activated:N0} profiles were activated to warm it up, then {Activated:N0} more, {Options.Concurrency} calls in flight (`GetAsync`). Live heap read after two forced, blocking, compacting full collections, before and after, 10 s of idleness in between."));
        md.AppendLine();
        md.AppendLine("| measurement | value |");
        md.AppendLine("|---|---:|");
        md.AppendLine(Invariant($"| managed heap per idle profile (live bytes after full GC / profiles) | {BytesPerProfile:N0} bytes |"));
        md.AppendLine(Invariant($"| of which Orleans' activation and an empty profile (as many profiles with no state, activated after) | {BytesPerEmptyProfile:N0} bytes |"));
        md.AppendLine(Invariant($"| of which the typical state | {BytesPerProfile - BytesPerEmptyProfile:N0} bytes |"));
        md.AppendLine(Invariant($"| live managed heap before -> after | {Before.LiveBytes / 1048576.0:N1} -> {After.LiveBytes / 1048576.0:N1} MiB |"));
        md.AppendLine(Invariant($"| process working set before -> after | {Before.WorkingSetBytes / 1048576.0:N1} -> {After.WorkingSetBytes / 1048576.0:N1} MiB ({(After.WorkingSetBytes - Before.WorkingSetBytes) / (double)Activated:N0} bytes per profile) |"));
        md.AppendLine(Invariant($"| customer activations at the end | {ActiveAtEnd:N0} |"));
        md.AppendLine(Invariant($"| CPU of the silo process while the activated profiles sat idle ({MemoryBenchmark.IdleBeforeReading.TotalSeconds:F0} s) | {IdleCores:F3} cores |"));
        md.AppendLine(Invariant($"| cold activation rate from PostgreSQL | {ActivationsPerSecond:N0} activations/s |"));
        md.AppendLine(Invariant($"| cold activation latency p50 / p99 / max | {ActivationLatency.P50:F1} / {ActivationLatency.P99:F1} / {ActivationLatency.Max:F1} ms |"));
        md.AppendLine(Invariant($"| stored state per profile (mean) | {Stored.MeanBytes:N0} bytes |"));
        md.AppendLine();
        md.AppendLine(Invariant($"**Target (issue 7): <= 4 KB per idle profile: {(TargetMet ? "met" : "missed")}** - {BytesPerProfile:N0} bytes ({BytesPerProfile / TargetBytesPerProfile:P0} of the budget)."));
        return md.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
