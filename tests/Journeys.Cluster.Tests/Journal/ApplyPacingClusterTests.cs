using System.Text.Json.Nodes;
using Journeys.Cluster.Tests.Journeys;
using Journeys.Contracts.Journal;
using Journeys.Contracts.Profiles;
using Journeys.Engine.Profiles;

namespace Journeys.Cluster.Tests.Journal;

/// <summary>Readers that give way to slow acknowledgements rest between batches, and once appends are fast again apply every event once, in order.</summary>
public sealed class ApplyPacingClusterTests(PostgresFixture postgres)
{
    private const int Profiles = 100;
    private const int EventsEach = 50;
    private static readonly TimeSpan SlowFor = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Readers_give_way_while_acknowledgements_are_slow_then_apply_every_event_once_in_order()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 2);
        var readers = Enumerable.Range(0, JourneySiloConfigurator.Journal.Partitions)
            .Select(p => journeys.Cluster.Client.GetGrain<IJournalPartitionGrain>(p))
            .ToList();
        using var slowAppends = new CancellationTokenSource();
        var gateway = ReportSlowAppendsAsync(readers, slowAppends.Token);

        // 5,000 events on 2 partitions: one gets more than a full batch, after which its reader rests.
        var calls = Enumerable.Range(0, EventsEach)
            .SelectMany(_ => Enumerable.Range(0, Profiles).Select(p => Calls.PageView($"paced-{p}")))
            .ToList();
        var appended = await journeys.IngestAsync(calls);
        await Task.Delay(SlowFor, TestContext.Current.CancellationToken);
        var counts = await EventCountsAsync(journeys);
        Assert.Contains(counts, count => count < EventsEach);

        await slowAppends.CancelAsync();
        await gateway;
        await journeys.UntilDeliveredAsync(appended);
        for (var p = 0; p < Profiles; p++)
        {
            var id = $"paced-{p}";
            var sent = calls.Where(c => (string?)c["userId"] == id).Select(c => (string)c["messageId"]!).ToList();
            var held = JsonNode.Parse((await journeys.Cluster.Client.GetProfile("customer", id).GetAsync()).StateJson)!;
            Assert.Equal(EventsEach, (long)held["eventCount"]!);
            Assert.Equal(sent.TakeLast(ProfileState.RecentEventsKept), held["recentEvents"]!.AsArray().Select(e => (string)e!["messageId"]!));
        }
    }

    /// <summary>What a gateway whose commits are over their target sends with each commit.</summary>
    private static async Task ReportSlowAppendsAsync(IReadOnlyList<IJournalPartitionGrain> readers, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            foreach (var reader in readers)
            {
                await reader.NotifyAsync(acknowledgementsSlow: true);
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
    }

    private static async Task<long[]> EventCountsAsync(JourneyCluster journeys) =>
        await Task.WhenAll(Enumerable.Range(0, Profiles).Select(async p =>
            (long?)JsonNode.Parse((await journeys.Cluster.Client.GetProfile("customer", $"paced-{p}").GetAsync()).StateJson)!["eventCount"] ?? 0));
}
