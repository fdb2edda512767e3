using System.Globalization;
using System.Text;
using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Report;

namespace Journeys.Benchmarks.Mixed;

public sealed record MixedReport(
    MixedBenchmarkOptions Options,
    MachineInfo Machine,
    LoadResult Load,
    IReadOnlyDictionary<string, double> CoresUsed,
    long BacklogAtEnd,
    TimeSpan? AppliedAfter,
    TimeSpan? OutboxDrainedAfter,
    IReadOnlyList<JourneySteps> Journeys,
    IReadOnlyList<OutboxCount> Outbox,
    DeliveryTally Deliveries)
{
    public DateTimeOffset RanAt { get; } = DateTimeOffset.UtcNow;

    private long Sent(string channel) => Outbox.Where(o => o.Channel == channel && o.Status == "sent").Sum(o => o.Rows);

    /// <summary>Every acked event stored once, every row sent reached its service once and nothing else did.</summary>
    public bool Correct =>
        Load.FailedRequests == 0 && Load.Duplicates == 0 && AppliedAfter is not null && OutboxDrainedAfter is not null
        && Deliveries.RepeatedEmails == 0 && Deliveries.RepeatedIdempotencyKeys == 0
        && Deliveries.Emails == Sent("email") && Deliveries.SmsCalls == Sent("sms") && Deliveries.PushCalls == Sent("push") && Deliveries.TelegramCalls == Sent("telegram");

    public string Render()
    {
        var md = new StringBuilder();
        RunHeader.AppendTo(md, RanAt, Options.CommandLine, Machine);
        md.AppendLine(Invariant($"- System under test: PostgreSQL, 2 silo processes and the gateway (Release) with the ten sample journeys published; e-mail to a real SMTP server (maildev), SMS, push (FCM v1) and Telegram to a recording HTTP server. Traffic: {Options.Profiles:N0} customers, {Options.BatchSize} events per `/v1/batch` request at a fixed rate: 25% page views, 15% cart updates, 8% orders completing those carts, 15% toll trips (some on promoted roads), 12% bookings with passengers, cashiers and corporates, 5% sign-ups (identify with e-mail, phone, Telegram chat, loyalty and app traits), 10% channel consents, 5% loyalty sign-ups, 5% tier changes."));
        md.AppendLine();
        md.AppendLine("| offered events/s | acked events/s | ack p50 ms | p99 ms | p99.9 ms | max ms | failed requests | journal rows (with booking fan-out) | backlog at end | all applied after | outbox drained after |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        md.AppendLine(Invariant($"| {Options.Rate:N0} | {Load.EventsPerSecond:N0} | {Load.AckLatency.P50:F1} | {Load.AckLatency.P99:F1} | {Load.AckLatency.P999:F1} | {Load.AckLatency.Max:F1} | {Load.FailedRequests} | {Load.StoredEvents:N0} | {BacklogAtEnd:N0} | {Seconds(AppliedAfter)} | {Seconds(OutboxDrainedAfter)} |"));
        md.AppendLine();
        md.AppendLine("Cores used while the traffic ran: " + string.Join(", ", CoresUsed.Select(c => Invariant($"{c.Key} {c.Value:F2}"))) + Invariant($" (total {CoresUsed.Values.Sum():F2} of {Machine.Cores})."));
        md.AppendLine();
        md.AppendLine("| journey | node entries | waiting now | exits | suppressed | converted |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var j in Journeys)
        {
            md.AppendLine(Invariant($"| {j.JourneyId} | {j.NodesEntered:N0} | {j.WaitingNow:N0} | {j.Exited:N0} | {j.Suppressed:N0} | {j.Converted:N0} |"));
        }
        md.AppendLine();
        md.AppendLine("| outbox channel | status | rows | distinct dedupe keys | a reason |");
        md.AppendLine("|---|---|---:|---:|---|");
        foreach (var o in Outbox)
        {
            md.AppendLine(Invariant($"| {o.Channel} | {o.Status} | {o.Rows:N0} | {o.DistinctKeys:N0} | {o.ExampleReason} |"));
        }
        md.AppendLine();
        md.AppendLine(Invariant($"Delivered: {Deliveries.Emails:N0} e-mails received by the SMTP server ({Deliveries.RepeatedEmails} with a repeated Message-Id) for {Sent("email"):N0} e-mail rows sent; SMS {Deliveries.SmsCalls:N0} calls for {Sent("sms"):N0} rows, push {Deliveries.PushCalls:N0} for {Sent("push"):N0}, Telegram {Deliveries.TelegramCalls:N0} for {Sent("telegram"):N0}; {Deliveries.RepeatedIdempotencyKeys} repeated idempotency keys."));
        md.AppendLine();
        md.AppendLine(Invariant($"**{(Correct ? "No request failed, no event stored twice, every event applied; every sent row delivered once, nothing else delivered." : "Check failed: see the figures above.")}**"));
        return md.ToString();
    }

    private static string Seconds(TimeSpan? span) => span is { } s ? Invariant($"{s.TotalSeconds:F1} s") : "not within the timeout";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
