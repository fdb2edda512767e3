using System.Text.Json.Nodes;
using Journeys.Contracts.Journal;
using Journeys.Contracts.Profiles;
using Journeys.Grains.Placement;
using Journeys.Storage.Journal;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>A partition's reader and its profiles share a silo, whoever activates them first and whichever silos come and go.</summary>
public sealed class JournalPartitionPlacementClusterTests(PostgresFixture postgres)
{
    private static readonly int Partitions = JourneySiloConfigurator.Journal.Partitions;

    [Fact]
    public async Task Profiles_activated_by_anyone_live_with_their_partitions_reader_and_readers_move_to_a_silo_that_joins()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 2);
        var management = journeys.Cluster.Client.GetGrain<IManagementGrain>(0);
        var readers = await ReadersInPlaceAsync(journeys, management);
        Assert.Equal(Partitions, readers.Distinct().Count());

        // The client activates them (as the gateway's visitor hub does), before any event reaches them.
        var ids = Enumerable.Range(0, 20).Select(i => $"placed-{i}").ToList();
        foreach (var id in ids)
        {
            await journeys.Cluster.Client.GetProfile(ProfileKinds.Customer, id).GetAsync();
        }
        await journeys.SendAsync(ids.Select(Calls.PageView));
        foreach (var id in ids)
        {
            var partition = JournalPartitioner.PartitionOf(ProfileKinds.Customer, id, Partitions);
            Assert.Equal(readers[partition], await management.GetActivationAddress(journeys.Cluster.Client.GetProfile(ProfileKinds.Customer, id), TestContext.Current.CancellationToken));
        }

        // A silo dies: its readers come back on the survivor; a new silo joins: the readers spread over it again.
        var victim = journeys.Cluster.Silos.Single(s => s.SiloAddress.Equals(readers[1]));
        await journeys.Cluster.KillSiloAsync(victim, TestContext.Current.CancellationToken);
        await Retry.UntilDeadSiloIsGoneAsync(journeys.CatchUpAsync);
        await journeys.Cluster.StartAdditionalSiloAsync();
        var moved = await ReadersInPlaceAsync(journeys, management);
        Assert.Equal(Partitions, moved.Distinct().Count());
        Assert.DoesNotContain(victim.SiloAddress, moved);

        // Events committed before, during and after the moves are all applied once.
        await journeys.SendAsync(ids.Select(Calls.PageView));
        foreach (var id in ids)
        {
            var held = JsonNode.Parse((await journeys.Cluster.Client.GetProfile(ProfileKinds.Customer, id).GetAsync()).StateJson)!;
            Assert.Equal(2, (long)held["eventCount"]!);
        }
    }

    /// <summary>Waits until every reader is active on the silo the placement gives its partition, and returns those silos.</summary>
    private static async Task<SiloAddress[]> ReadersInPlaceAsync(JourneyCluster journeys, IManagementGrain management)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var silos = (await management.GetHosts(onlyActive: true)).Keys.ToList();
            var readers = new SiloAddress[Partitions];
            for (var partition = 0; partition < Partitions; partition++)
            {
                var reader = journeys.Cluster.Client.GetGrain<IJournalPartitionGrain>(partition);
                await reader.NotifyAsync();
                readers[partition] = (await management.GetActivationAddress(reader, TestContext.Current.CancellationToken))!;
            }
            if (readers.Select((silo, partition) => silo.Equals(JournalPartitionPlacementDirector.SiloFor(partition, silos))).All(inPlace => inPlace))
            {
                return readers;
            }
            Assert.True(DateTime.UtcNow < deadline, $"readers on {string.Join(", ", readers.AsEnumerable())}, silos {string.Join(", ", silos)}");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
