using System.Globalization;
using System.Text.Json.Nodes;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// The guarantees under faults, on two silo processes, the gateway and a real PostgreSQL: a client
/// sends events at a fixed rate and resends every batch with the same messageIds until it is acknowledged,
/// while a silo is killed with SIGKILL three times and PostgreSQL crashes once. Afterwards every
/// acknowledged event is applied to its profile exactly once, every journey step - immediate and
/// after a wait - sent its webhook through the outbox exactly once, and each fault's error window
/// is measured. JOURNEYS_FAILURE_SECONDS sets the load's length (the long form, docs/benchmarks.md) and
/// JOURNEYS_FAILURE_RATE its events per second. The defaults are the short form CI runs: 300 events/s for
/// 30 s (the faults and restarts stretch the load to about a minute), about 2 minutes with start-up on 2 cores.
/// </summary>
public sealed class ClusterFailureTests(FailureClusterFixture fixture) : IClassFixture<FailureClusterFixture>
{
    private const int BatchSize = 50;
    private const int Customers = 300;
    private const string JourneyId = "failover-webhooks";
    private static readonly TimeSpan WaitBeforeSecondSend = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ShortLoad = TimeSpan.FromSeconds(30);
    // What a 2-core CI machine applies while silos restart beside the load; 1,000/s built a backlog there.
    private const int ShortRate = 300;
    // Upper bounds for a backlog to drain on a busy machine; a quiet one needs seconds.
    private static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan CanaryTimeout = TimeSpan.FromMinutes(3);
    // A silo restarting beside the load and the other silo's catch-up starts slowly on 2 busy cores.
    private static readonly TimeSpan Restart = TimeSpan.FromMinutes(3);

    private ProductionCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Under_silo_kills_and_a_database_crash_every_acked_event_applies_once_and_every_step_sends_once()
    {
        try
        {
            await RunAndCheckAsync();
        }
        catch
        {
            TestContext.Current.TestOutputHelper?.WriteLine("diagnostics written to " + await FailureDiagnostics.WriteAsync(Cluster, FailureReport.ResultsDirectory));
            throw;
        }
    }

    private async Task RunAndCheckAsync()
    {
        await Cluster.PublishJourneyAsync(WebhookJourney(fixture.Webhooks.BaseUrl));
        var sender = new RetryingBatchSender(Cluster, EventsPerSecond(), BatchSize, LoadBatch);
        var canaries = new PartitionCanaries(Cluster, sender, FailureClusterFixture.Partitions);
        var windows = new List<FaultWindow> { await MeasureAsync("none (baseline under load)", canaries, 0, () => Task.CompletedTask, sender, repair: null) };

        var duration = LoadDuration();
        using var stop = new CancellationTokenSource();
        var started = DateTime.UtcNow;
        var load = sender.RunAsync(stop.Token);
        var faults = new (string Name, Func<Task> Inflict, Func<Task>? Repair)[]
        {
            ("kill -9 silo 1", () => Cluster.KillSiloAsync(0), () => Cluster.StartSiloAsync(0, Restart)),
            ("kill -9 silo 2", () => Cluster.KillSiloAsync(1), () => Cluster.StartSiloAsync(1, Restart)),
            ("kill -9 silo 1 again", () => Cluster.KillSiloAsync(0), () => Cluster.StartSiloAsync(0, Restart)),
            ("PostgreSQL crash (immediate stop) and start", RestartPostgresAsync, null),
        };
        for (var i = 0; i < faults.Length; i++)
        {
            await DelayUntilAsync(started + (duration * (i + 1) / (faults.Length + 1)));
            var (name, inflict, repair) = faults[i];
            windows.Add(await MeasureAsync(name, canaries, i + 1, inflict, sender, repair));
        }
        await DelayUntilAsync(started + duration);
        await stop.CancelAsync();
        var loadLength = DateTime.UtcNow - started;
        await load;

        var acked = sender.Acked;
        var profiles = await ProfilesAppliedOnceAsync(acked);
        var journalRows = await Cluster.ScalarAsync("SELECT count(*) FROM journal");
        var sends = await WaitForWebhooksAsync(acked);
        var report = new FailureReport
        {
            LoadDuration = loadLength,
            OfferedPerSecond = EventsPerSecond(),
            Faults = windows,
            AckedEvents = acked.Count,
            FailedAttempts = sender.Failures.Count,
            Profiles = profiles.Checked,
            ProfilesAppliedOnce = profiles.Exact,
            JournalRows = journalRows,
            ExpectedSends = sends.Expected,
            SentSteps = sends.Sent,
            StepsWithTwoKeys = sends.StepsWithTwoKeys,
            RepeatedRequests = sends.RepeatedRequests,
            OutboxStatuses = await OutboxStatusesAsync(),
            DueStepLateness = sends.DueStepLateness,
            DueStepsLost = sends.DueStepsLost,
        };
        TestContext.Current.TestOutputHelper?.WriteLine(report.ToMarkdown());
        TestContext.Current.TestOutputHelper?.WriteLine("figures written to " + report.Write());

        Assert.True(profiles.Mismatches.Count == 0, string.Join(Environment.NewLine, profiles.Mismatches));
        Assert.Equal(acked.Count, journalRows);
        Assert.Equal(sends.Expected, sends.Sent);
        Assert.Equal(0, sends.StepsWithTwoKeys);
        // A dispatcher killed between the provider's answer and its record sends the row again when the
        // lease ends, with the same Idempotency-Key (at least once towards the provider, docs/design.md):
        // reported, not asserted.
        Assert.Equal($"sent {sends.Expected}", report.OutboxStatuses);
        // The target is 5 s per silo kill (docs/benchmarks.md records the figures); the bound here only
        // catches a cluster that fails over by a timeout or a reminder instead of by membership.
        Assert.All(windows, w => Assert.True(w.UntilApplied < TimeSpan.FromSeconds(30), $"{w.Fault}: delivery resumed after {w.UntilApplied}"));
    }

    private static async Task<FaultWindow> MeasureAsync(string name, PartitionCanaries canaries, int round, Func<Task> inflict, RetryingBatchSender sender, Func<Task>? repair)
    {
        var at = DateTime.UtcNow;
        await inflict();
        var canary = await canaries.RunAsync(round, at, CanaryTimeout);
        var failed = sender.Failures.Count(f => f >= at);
        TimeSpan? repaired = null;
        if (repair is not null)
        {
            var repairing = DateTime.UtcNow;
            await repair();
            repaired = DateTime.UtcNow - repairing;
        }
        return new FaultWindow(name, canary.Acked, canary.Applied, failed, repaired);
    }

    private async Task RestartPostgresAsync()
    {
        await fixture.Server.CrashAsync();
        await fixture.Server.StartAsync();
    }

    /// <summary>Waits until every profile holds at least its acked events, then counts those holding exactly them.</summary>
    private async Task<(int Checked, int Exact, IReadOnlyList<string> Mismatches)> ProfilesAppliedOnceAsync(IReadOnlyCollection<AckedEvent> acked)
    {
        var expected = acked.GroupBy(a => a.User).ToDictionary(g => g.Key, g => g.Count());
        var deadline = DateTime.UtcNow + Settle;
        foreach (var (user, count) in expected)
        {
            try
            {
                // Past the deadline the journal has long been read: one more look each, not a wait each (37 short profiles waited 6 minutes).
                await Cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["eventCount"]! >= count, Max(deadline - DateTime.UtcNow, TimeSpan.FromSeconds(1)));
            }
            catch (TimeoutException)
            {
                // Counted as a mismatch below, so the other checks still run and the figures get written.
            }
        }
        // Anything applied twice would show by now: the journal was read to its end above.
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var mismatches = new List<string>();
        foreach (var group in acked.GroupBy(a => a.User))
        {
            var view = await Cluster.GetProfileAsync("customer", group.Key);
            var profile = view["profile"]!;
            var computed = profile["computed"]!;
            var held = ((int)profile["eventCount"]!, (int?)computed["pageViews"] ?? 0, (int?)computed["trips"] ?? 0);
            var sent = (group.Count(), group.Count(a => a.Name == "Page Viewed"), group.Count(a => a.Name == "Trip Completed"));
            if (held != sent)
            {
                // A messageId repeated among the recent events names an event applied twice (and so the path that did it).
                var repeated = profile["recentEvents"]!.AsArray().GroupBy(e => (string)e!["messageId"]!).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}");
                // The partition tells a reader's skipped range (every profile of one partition short) from a profile's lost state.
                var partition = Storage.Journal.JournalPartitioner.PartitionOf("customer", group.Key, FailureClusterFixture.Partitions);
                mismatches.Add($"{group.Key} (partition {partition}, last applied {view["lastAppliedPosition"]}): holds (events, page views, trips) {held}, acked {sent}; repeated among recent events: [{string.Join(", ", repeated)}]");
            }
        }
        return (expected.Count, expected.Count - mismatches.Count, mismatches);
    }

    /// <summary>Waits until every acked trip's two webhook steps arrived (or the settle time passed) and tallies them.</summary>
    private async Task<WebhookTally> WaitForWebhooksAsync(IReadOnlyCollection<AckedEvent> acked)
    {
        var trips = acked.Where(a => a.Name == "Trip Completed").ToDictionary(a => a.MessageId);
        var deadline = DateTime.UtcNow + Settle;
        while (DateTime.UtcNow < deadline && Steps(fixture.Webhooks.Accepted).Count(s => trips.ContainsKey(s.Key.Trip)) < trips.Count * 2)
        {
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        var calls = fixture.Webhooks.Accepted;
        var steps = Steps(calls).Where(s => trips.ContainsKey(s.Key.Trip)).ToList();
        var lateness = steps.Where(s => s.Key.Node == "later")
            .Select(s => s.Min(c => c.ReceivedAt) - trips[s.Key.Trip].AckedAt - WaitBeforeSecondSend)
            .ToList();
        return new WebhookTally(
            Expected: trips.Count * 2,
            Sent: steps.Count,
            StepsWithTwoKeys: steps.Count(s => s.Select(c => c.IdempotencyKey).Distinct().Count() > 1),
            RepeatedRequests: calls.Count - calls.Select(c => c.IdempotencyKey).Distinct().Count(),
            DueStepLateness: lateness,
            DueStepsLost: trips.Count - lateness.Count);
    }

    /// <summary>Calls grouped by journey step: the trip that started the instance and the node that sent.</summary>
    private static IEnumerable<IGrouping<(string Trip, string Node), RecordedCall>> Steps(IEnumerable<RecordedCall> calls) =>
        calls.GroupBy(c =>
        {
            // Idempotency-Key = dedupe key: profile/journey/vN/{journey}:{trigger messageId}/node/visit.
            var parts = c.IdempotencyKey!.Split('/');
            return (parts[3][(JourneyId.Length + 1)..], parts[4]);
        });

    private async Task<string> OutboxStatusesAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(Cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT status, count(*) FROM outbox GROUP BY status ORDER BY status", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var statuses = new List<string>();
        while (await reader.ReadAsync())
        {
            statuses.Add(string.Create(CultureInfo.InvariantCulture, $"{reader.GetString(0)} {reader.GetInt64(1)}"));
        }
        return string.Join(", ", statuses);
    }

    private static IReadOnlyList<SentEvent> LoadBatch(int index) =>
    [
        .. Enumerable.Range(0, BatchSize).Select(i =>
        {
            var user = $"f-user-{((index * BatchSize) + i) % Customers}";
            var messageId = $"f-{index}-{i}";
            // One trip per batch (2%), at a moving place so trips spread over all customers; each
            // enters the journey with its own correlation key. The rest are page views.
            return new SentEvent(user, i == index % BatchSize ? TripWithId(messageId, user) : Events.PageView(messageId, user));
        }),
    ];

    private static JsonObject TripWithId(string messageId, string user)
    {
        var trip = Events.Trip(messageId, user);
        trip["properties"]!["tripId"] = messageId;
        return trip;
    }

    private static JsonObject WebhookJourney(Uri receiver) => new()
    {
        ["id"] = JourneyId,
        ["version"] = 1,
        ["name"] = "Webhooks through failures",
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = "Trip Completed", ["next"] = "now" },
        // A profile has one live instance per correlation value: one per trip.
        ["entry"] = new JsonObject { ["mode"] = "always", ["correlationKey"] = "tripId" },
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "now", ["type"] = "webhook", ["url"] = new Uri(receiver, "now").ToString(), ["method"] = "POST", ["next"] = "pause" },
            new JsonObject { ["id"] = "pause", ["type"] = "wait", ["duration"] = "PT3S", ["next"] = "later" },
            new JsonObject { ["id"] = "later", ["type"] = "webhook", ["url"] = new Uri(receiver, "later").ToString(), ["method"] = "POST", ["next"] = "done" },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    };

    private static TimeSpan LoadDuration() => TimeSpan.FromSeconds(Setting("JOURNEYS_FAILURE_SECONDS", (int)ShortLoad.TotalSeconds));

    private static int EventsPerSecond() => Setting("JOURNEYS_FAILURE_RATE", ShortRate);

    private static int Setting(string variable, int otherwise) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : otherwise;

    private static async Task DelayUntilAsync(DateTime at)
    {
        var wait = at - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed record WebhookTally(int Expected, int Sent, int StepsWithTwoKeys, int RepeatedRequests, IReadOnlyList<TimeSpan> DueStepLateness, int DueStepsLost);
}
