using Journeys.Contracts.Profiles;
using Journeys.Engine.Journeys;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>Durable waits and counters across an abrupt silo loss.</summary>
public sealed class SiloRestartClusterTests(PostgresFixture postgres)
{
    private const string Journey = "toll-abandoned-cart";

    [Fact]
    public async Task A_silo_killed_in_the_middle_of_a_one_hour_wait_still_fires_the_step_once_and_counts_it_once()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 2);
        await journeys.PublishSamplesAsync(Journey);
        var driver = Enumerable.Range(0, 100).Select(i => $"sr-{i}").First(id => SplitAssignment.Bucket(id, Journey, "holdout") >= 10);

        // The gateway's path: commit, notify, answer; the reader delivers and the profile saves on its own.
        await journeys.IngestAsync([Calls.Consent(driver, "email"), Calls.Cart(driver, "sr-cart", hasMobileApp: true)]);
        var management = journeys.Cluster.Client.GetGrain<IManagementGrain>(0);
        var host = await HostAsync(management, journeys.Cluster.Client.GetProfile("customer", driver));
        // Counters visible means the profile state that produced them is saved, whenever the silo dies after.
        await journeys.CountersAsync(Journey, c => c.Node("wait-order").Entered == 1);

        await journeys.Cluster.KillSiloAsync(journeys.Cluster.Silos.Single(s => s.SiloAddress.Equals(host)), TestContext.Current.CancellationToken);
        journeys.Advance(TimeSpan.FromMinutes(61));
        // The surviving silo's readers catch up and redeliver what the dead one had not checkpointed; its due scan wakes the profile.
        await Retry.UntilDeadSiloIsGoneAsync(journeys.CatchUpAsync);
        await Retry.UntilDeadSiloIsGoneAsync(() => journeys.RedeliverAsync("customer", driver));
        await Retry.UntilDeadSiloIsGoneAsync(journeys.WakeDueAsync);

        Assert.NotEqual(host, await management.GetActivationAddress(journeys.Cluster.Client.GetProfile("customer", driver), TestContext.Current.CancellationToken));
        var timeline = await journeys.TimelineAsync("customer", driver, Journey);
        Assert.Equal(["email-reminder"], timeline.Select(t => t.NodeId));
        await journeys.CountersAsync(Journey, c => c.Node("email-reminder").Entered >= 1 && c.Node("wait-order-again").Waiting >= 1);
        // A count twice would arrive with a later flush: give the buffers two more flush periods before reading.
        await journeys.Cluster.Client.GetProfile("customer", driver).FlushAsync();
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        var counters = new JourneyCounters(await journeys.Stats.ReadAsync(Journey, TestContext.Current.CancellationToken));
        Assert.Equal((1, 1, 1, 1), (counters.Node("wait-order").Entered, counters.Node("holdout").Passed, counters.Node("email-reminder").Entered, counters.Node("wait-order-again").Waiting));
        Assert.Equal(0, counters.Node("wait-order").Waiting);
    }

    private static async Task<SiloAddress> HostAsync(IManagementGrain management, IProfileGrain profile)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (await management.GetActivationAddress(profile, TestContext.Current.CancellationToken) is { } host)
            {
                return host;
            }
            Assert.True(DateTime.UtcNow < deadline, "the profile was not activated");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
