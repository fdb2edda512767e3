namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// The anniversary sample on a cluster and clock of its own: moving the clock a year would also bring
/// the anniversaries of other tests' drivers due, and the journey's counters are journey-wide.
/// </summary>
public sealed class AnniversaryJourneyClusterTests(SampleJourneysClusterFixture fixture) : IClassFixture<SampleJourneysClusterFixture>
{
    private JourneyCluster Journeys => fixture.Journeys;

    [Fact]
    public async Task Anniversary_trip_emails_thirty_days_before_last_years_trip_and_again_a_week_later()
    {
        Journeys.AdvanceTo(Journeys.NextMorning());
        var tripDay = DateOnly.FromDateTime(Journeys.Now.UtcDateTime);
        await Journeys.SendAsync(Calls.Consent("an-driver", "email"), Calls.Trip("an-driver", "M4", "Moscow", "Rostov"));
        Assert.Equal(1, await Journeys.DueProfilesAsync("an-driver"));

        var due = new DateTimeOffset(tripDay.AddYears(1).AddDays(-30).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        Journeys.AdvanceTo(due.AddMinutes(3));
        await Journeys.WakeDueAsync();
        Assert.Equal(["email"], await ChannelsAsync("customer", "an-driver", "toll-anniversary-trip"));
        Journeys.Advance(TimeSpan.FromDays(7));
        await Journeys.WakeDueAsync();

        var sends = (await Journeys.TimelineAsync("customer", "an-driver", "toll-anniversary-trip")).Where(t => t.Type == "sendMessage").ToList();
        Assert.Equal(["price-update", "places-and-offers"], sends.Select(s => s.NodeId));
        Assert.Contains("\"road\":\"M4\"", sends[0].CommandJson, StringComparison.Ordinal);
        await Journeys.CountersAsync("toll-anniversary-trip", c => c.Node("places-and-offers").Entered == 1 && c.Total.Exited == 1);
    }

    private async Task<IReadOnlyList<string?>> ChannelsAsync(string kind, string id, string journeyId) =>
        (await Journeys.TimelineAsync(kind, id, journeyId)).Where(t => t.Type is "sendMessage" or "showPopup").Select(t => t.Channel).ToList();
}
