using Journeys.Storage.Outbox;
using Journeys.Storage.Stats;
using Journeys.Engine.Journeys;
using Journeys.Grains.Profiles;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// The toll-road campaign of the seed (docs/journeys.md, DOMAIN.md): hundreds of carts abandoned,
/// some bought within the hour, the rest reminded or held out, purchases after the reminder counted
/// as treatment conversions and holdout purchases apart.
/// </summary>
public sealed class AbandonedCartClusterTests(PostgresFixture postgres)
{
    private const string Journey = "toll-abandoned-cart";
    private const int Carts = 400;

    [Fact]
    public async Task Purchases_after_the_reminder_are_treatment_conversions_and_holdout_purchases_are_counted_apart()
    {
        await using var journeys = await JourneyCluster.StartAsync(postgres.Server, silos: 2);
        await journeys.PublishSamplesAsync(Journey);
        var drivers = Enumerable.Range(0, Carts).Select(i => new Driver(i)).ToList();
        var reminded = drivers.Where(d => !d.BuysWithinTheHour).ToList();
        var control = reminded.Where(d => d.HeldOut).ToList();
        var treatment = reminded.Where(d => !d.HeldOut).ToList();

        await journeys.SendAsync(drivers.SelectMany(d => new[]
        {
            Calls.Consent(d.Id, "email"), Calls.Consent(d.Id, "push"), Calls.Consent(d.Id, "telegram"), Calls.Cart(d.Id, d.CartId, d.HasApp),
        }));
        await journeys.CountersAsync(Journey, c => c.Node("wait-order").Waiting == Carts);
        Assert.Equal(Carts, await journeys.DueProfilesAsync("ac-"));
        // Waiting profiles are in the due index; the only Orleans reminders are the partition readers' keep-alives.
        Assert.Equal(JourneySiloConfigurator.Journal.Partitions, await journeys.RemindersAsync());

        journeys.Advance(TimeSpan.FromMinutes(30));
        await journeys.SendAsync(drivers.Where(d => d.BuysWithinTheHour).Select(d => Calls.Order(d.Id, d.CartId)));
        await journeys.CountersAsync(Journey, c => c.Node("wait-order").Waiting == reminded.Count);
        Assert.Equal(reminded.Count, await journeys.DueProfilesAsync("ac-"));

        journeys.Advance(TimeSpan.FromMinutes(31));
        await journeys.WakeDueAsync();
        var afterReminder = await journeys.CountersAsync(Journey, c => c.Node("holdout").Passed == reminded.Count);
        Assert.Equal(treatment.Count, afterReminder.Node("email-reminder").Entered);
        Assert.Equal(control.Count, afterReminder.Node("control-group").Entered);
        Assert.Equal(treatment.Count, afterReminder.Node("wait-order-again").Waiting);

        journeys.Advance(TimeSpan.FromHours(4));
        await journeys.SendAsync(reminded.Where(d => d.BuysAfterTheReminder).Select(d => Calls.Order(d.Id, d.CartId)));
        journeys.Advance(TimeSpan.FromHours(21));
        await journeys.WakeDueAsync();

        var buyersWithinTheHour = drivers.Count(d => d.BuysWithinTheHour);
        var treatmentBuyers = treatment.Count(d => d.BuysAfterTheReminder);
        var controlBuyers = control.Count(d => d.BuysAfterTheReminder);
        var fallback = treatment.Where(d => !d.BuysAfterTheReminder).ToList();
        var final = await journeys.CountersAsync(Journey, c => c.Total.Converted == buyersWithinTheHour + treatmentBuyers + controlBuyers
            && c.Node("wait-order-again").Waiting == 0 && c.Node("has-app").Passed == fallback.Count);
        var byGroup = await journeys.ConversionsByGroupAsync(Journey, c => c.Values.Sum() == final.Total.Converted);
        Assert.Equal((treatmentBuyers, controlBuyers), (byGroup.GetValueOrDefault(OutcomeCounters.Treatment), byGroup.GetValueOrDefault(OutcomeCounters.Control)));
        Assert.Equal(fallback.Count(d => d.HasApp), final.Node("push-reminder").Entered);
        Assert.Equal(fallback.Count(d => !d.HasApp), final.Node("telegram-reminder").Entered);
        Assert.Equal(Carts, final.Total.Exited);
        Assert.InRange(control.Count, reminded.Count * 5 / 100, reminded.Count * 15 / 100);

        var timelines = await Task.WhenAll(drivers.Select(d => journeys.TimelineAsync("customer", d.Id, Journey)));
        foreach (var (driver, timeline) in drivers.Zip(timelines))
        {
            Assert.Equal(driver.ExpectedSends(), timeline.Where(t => t.Type == "sendMessage").Select(t => t.Channel));
            // Queued in the outbox: no dispatcher runs in this cluster, so nothing is sent.
            Assert.All(timeline, t => Assert.Equal(OutboxStatus.Queued, t.Status));
        }
    }

    /// <summary>One driver of the campaign; what they do follows from their index, their group from the engine's hash.</summary>
    private sealed record Driver(int Index)
    {
        public string Id => $"ac-{Index}";

        public string CartId => $"cart-{Index}";

        public bool HasApp => Index % 2 == 0;

        public bool BuysWithinTheHour => Index % 4 == 0;

        public bool BuysAfterTheReminder => Index % 4 == 1;

        public bool HeldOut => SplitAssignment.Bucket(Id, Journey, "holdout") < 10;

        public IReadOnlyList<string?> ExpectedSends() =>
            BuysWithinTheHour || HeldOut ? []
            : BuysAfterTheReminder ? ["email"]
            : ["email", HasApp ? "push" : "telegram"];
    }
}
