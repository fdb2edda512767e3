using Journeys.Contracts.Profiles;
using Journeys.Contracts.Visitors;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// A popup waiting for the next visit is taken by the visitor's page: no event and no reader checkpoint follows, so
/// only the profile's own save-behind timer records it. Without that record a new activation would show it again.
/// On a cluster of its own: the return-visit journey's counters are journey-wide.
/// </summary>
public sealed class TakenPopupSaveClusterTests(SampleJourneysClusterFixture fixture) : IClassFixture<SampleJourneysClusterFixture>
{
    private JourneyCluster Journeys => fixture.Journeys;

    [Fact]
    public async Task Popups_a_returning_visitor_takes_are_saved_without_another_event()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        await Journeys.SendAsync(Calls.Trip("pt-driver", "M4", "Moscow", "Voronezh"), Calls.PageView("pt-driver"));
        await Journeys.CatchUpAsync();
        // Saved; and any save-behind timer the events armed has fired, so only the taking can arm one.
        await Task.Delay(TimeSpan.FromSeconds(6), TestContext.Current.CancellationToken);
        var saved = await SavedVersionAsync("pt-driver");
        var profile = Journeys.Cluster.Client.GetProfile("customer", "pt-driver");

        var taken = await profile.SubscribeVisitorsAsync(Journeys.Cluster.Client.CreateObjectReference<IVisitorObserver>(new NoPageOpen()));

        Assert.Single(taken);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (await SavedVersionAsync("pt-driver") == saved)
        {
            Assert.True(DateTime.UtcNow < deadline, "the profile did not save the taken popup within 20 s");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private Task<long> SavedVersionAsync(string id) =>
        Sql.CountAsync(Journeys.ConnectionString, "SELECT version::bigint FROM profile_state WHERE grain_id = @grain_id AND state_name = 'profile'", ("grain_id", $"customer/{id}"));

    private sealed class NoPageOpen : IVisitorObserver
    {
        public Task<bool> ShowPopupAsync(string kind, string profileId, PopupMessage popup) => Task.FromResult(false);
    }
}
