using Journeys.Cluster.Tests.Journeys;
using Journeys.Contracts.Profiles;

namespace Journeys.Cluster.Tests.Profiles;

/// <summary>Profile references after the first of each kind come from a cache of grain and interface types.</summary>
public sealed class ProfileReferenceTests(SampleJourneysClusterFixture fixture) : IClassFixture<SampleJourneysClusterFixture>
{
    [Fact]
    public async Task Each_kind_reaches_its_own_grain_the_first_time_and_every_time_after()
    {
        var grains = fixture.Journeys.Cluster.Client;
        var references = new List<(string Kind, string Id, IProfileGrain Reference)>();
        for (var round = 0; round < 2; round++)
        {
            foreach (var kind in ProfileKinds.All)
            {
                var id = $"reference-{kind}-{round}";
                references.Add((kind, id, grains.GetProfile(kind, id)));
            }
        }

        foreach (var (kind, id, reference) in references)
        {
            Assert.Equal(GrainId.Create(kind, id), reference.GetGrainId());
            var view = await reference.GetAsync();
            Assert.Equal((kind, id), (view.Kind, view.Id));
        }
        Assert.Equal(grains.GetGrain<ICashierGrain>("reference-cashier-1"), grains.GetProfile(ProfileKinds.Cashier, "reference-cashier-1"));
    }
}
