using System.Text.Json.Nodes;
using Journeys.Cluster.Tests.Journeys;
using Journeys.Contracts.Journal;
using Journeys.Contracts.Profiles;

namespace Journeys.Cluster.Tests.Journal;

/// <summary>Readers that give way to slow acknowledgements read small batches and rest between them; nothing else changes.</summary>
public sealed class ApplyPacingClusterTests(PostgresFixture postgres)
{
    private const int Profiles = 60;
    private const int EventsEach = 20;

    [Fact]
    public async Task Readers_giving_way_to_slow_acknowledgements_apply_every_event_once_in_order()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 2);
        for (var partition = 0; partition < JourneySiloConfigurator.Journal.Partitions; partition++)
        {
            await journeys.Cluster.Client.GetGrain<IJournalPartitionGrain>(partition).NotifyAsync(acknowledgementsSlow: true);
        }

        // Each partition gets more than two of the small batches a reader reads while it gives way.
        var calls = Enumerable.Range(0, EventsEach)
            .SelectMany(_ => Enumerable.Range(0, Profiles).Select(p => Calls.PageView($"paced-{p}")))
            .ToList();
        await journeys.SendAsync(calls);

        for (var p = 0; p < Profiles; p++)
        {
            var id = $"paced-{p}";
            var sent = calls.Where(c => (string?)c["userId"] == id).Select(c => (string)c["messageId"]!).ToList();
            var held = JsonNode.Parse((await journeys.Cluster.Client.GetProfile("customer", id).GetAsync()).StateJson)!;
            Assert.Equal(EventsEach, (long)held["eventCount"]!);
            Assert.Equal(sent, held["recentEvents"]!.AsArray().Select(e => (string)e!["messageId"]!).ToList());
        }
    }
}
