using System.Globalization;
using System.Text;
using Journeys.Benchmarks.Measurement;
using Journeys.Benchmarks.Report;

namespace Journeys.Benchmarks.Waits;

/// <param name="RestartOverranLead">The silos were back only after the first waits fell due: those steps' lateness includes the restart.</param>
/// <param name="Reminders">Rows in the Orleans reminder table once every profile was waiting.</param>
public sealed record WaitsReport(
    WaitsBenchmarkOptions Options,
    MachineInfo Machine,
    TimeSpan Acked,
    TimeSpan Waiting,
    bool RestartOverranLead,
    long Reminders,
    long IdleMemory,
    long CreatedMemory,
    long RestartedMemory,
    long PeakDueMemory,
    LatencySummary Lateness,
    long Lost,
    long Duplicated,
    double ReminderWritesPerSecond)
{
    public DateTimeOffset RanAt { get; } = DateTimeOffset.UtcNow;

    public bool TargetMet => Lost == 0 && Duplicated == 0;

    public string Render()
    {
        var md = new StringBuilder();
        RunHeader.AppendTo(md, RanAt, Options.CommandLine, Machine);
        md.AppendLine(Invariant($"- System under test: PostgreSQL, 2 silo processes (outbox dispatcher off) and the gateway (Release) on this machine with the load generator. {Options.Profiles:N0} profiles each get one `{WaitJourney.Trigger}` event through `/v1/batch` ({Options.BatchSize} per request); the journey parks each until the `dueAt` of its event (`waitUntilDate`), spread evenly over {Options.WindowSeconds} s starting {Options.LeadSeconds} s after creation began, then queues a webhook (an outbox row) and ends. Profiles are created in chunks of {Options.Chunk:N0} with a silo restart between chunks (created profiles stay active until Orleans collects them). Once all are waiting, both silos are restarted (SIGTERM, then fresh processes): every due step runs for a profile that is not in memory. Lateness is from a profile's due time to its outbox row's creation (both clocks of this machine)."));
        md.AppendLine();
        md.AppendLine("| figure | value |");
        md.AppendLine("|---|---:|");
        md.AppendLine(Invariant($"| profiles with a pending wait | {Options.Profiles:N0} |"));
        md.AppendLine(Invariant($"| Orleans reminders (rows in `orleans_reminders`) with all of them waiting | {Reminders:N0} |"));
        md.AppendLine(Invariant($"| time to create: all batches acknowledged (restarts between chunks excluded) | {Acked.TotalSeconds:F1} s ({Options.Profiles / Acked.TotalSeconds:N0} profiles/s) |"));
        md.AppendLine(Invariant($"| time to create: every profile saved as waiting | {Waiting.TotalSeconds:F1} s ({Options.Profiles / Waiting.TotalSeconds:N0} profiles/s) |"));
        md.AppendLine(Invariant($"| silo memory (RSS, both silos): idle, before creation | {Mb(IdleMemory)} |"));
        md.AppendLine(Invariant($"| silo memory: the last chunk's profiles created and active | {Mb(CreatedMemory)} |"));
        md.AppendLine(Invariant($"| silo memory: restarted, all profiles waiting, none active | {Mb(RestartedMemory)} |"));
        md.AppendLine(Invariant($"| silo memory: peak while the due steps ran | {Mb(PeakDueMemory)} |"));
        md.AppendLine(Invariant($"| lateness of due steps p50 / p90 / p99 / max | {Lateness.P50:F0} / {Lateness.P90:F0} / {Lateness.P99:F0} / {Lateness.Max:F0} ms |"));
        md.AppendLine(Invariant($"| due steps run / lost (not run when the counts stood still for a minute) / run twice | {Lateness.Count - Duplicated:N0} / {Lost:N0} / {Duplicated:N0} |"));
        md.AppendLine(Invariant($"| baseline: reminder rows written one statement each (32 tasks), as one reminder per profile needs | {ReminderWritesPerSecond:N0}/s (measured on up to 100,000 rows): {Options.Profiles / ReminderWritesPerSecond / 60:F1} min for {Options.Profiles:N0}{(Options.Profiles == 1_000_000 ? "" : Invariant($", {1_000_000 / ReminderWritesPerSecond / 60:F1} min for 1M"))} |"));
        md.AppendLine();
        if (RestartOverranLead)
        {
            md.AppendLine("Creation and the restart overran the lead: the first waits fell due before the silos were back, so their lateness includes the restart. Run with a longer `--lead`.");
            md.AppendLine();
        }
        md.AppendLine(Invariant($"**Guarantee: no due step lost, none run twice: {(TargetMet ? "held" : "BROKEN")}** ({Lost:N0} lost, {Duplicated:N0} twice)."));
        return md.ToString();
    }

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:N0} MB");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
