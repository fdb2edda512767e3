using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class AbandonedCartSampleTests
{
    private static readonly JourneyDefinition Journey = SampleJourneys.Load("toll-abandoned-cart");
    private static readonly DateTimeOffset Noon = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero); // 12:00 in Paris

    private static ProfileView Driver(bool control, bool hasApp = true)
    {
        var id = Enumerable.Range(0, 1000).Select(i => $"driver-{i}").First(id => SplitAssignment.Bucket(id, Journey.Id, "holdout") < 10 == control);
        return Profile(id, traits: new { firstName = "Lea", hasMobileApp = hasApp }, timeZone: "Europe/Paris");
    }

    private static JourneyEvent Cart(DateTimeOffset at, string cartId = "c1") => Event("Cart Updated", at, new { cartId, passName = "Liber-t" });

    private static JourneyEvent Order(DateTimeOffset at, string cartId = "c1") => Event("Order Completed", at, new { cartId });

    private static DryRunResult Run(ProfileView driver, params JourneyEvent[] events) => JourneyDryRun.Run(Journey, driver, events, Noon, Noon.AddDays(10));

    [Fact]
    public void An_abandoned_cart_gets_an_email_after_an_hour_then_a_push_a_day_later()
    {
        var run = Run(Driver(control: false), Cart(Noon));

        Assert.Equal(
            ["wait-order", "holdout", "email-reminder", "wait-order-again", "has-app", "push-reminder", "done"],
            run.Path.Select(step => step.NodeId));
        var sends = run.Commands.Where(c => c.Command is SendMessage).Select(c => (c.At, ((SendMessage)c.Command).Channel)).ToList();
        Assert.Equal([(Noon.AddHours(1), Channel.Email), (Noon.AddHours(25), Channel.Push)], sends);
    }

    [Fact]
    public void Without_the_app_the_fallback_goes_to_telegram() =>
        Assert.Contains(Run(Driver(control: false, hasApp: false), Cart(Noon)).Path, step => step.NodeId == "telegram-reminder");

    [Fact]
    public void A_purchase_within_the_hour_ends_the_journey_without_any_message()
    {
        var run = Run(Driver(control: false), Cart(Noon), Order(Noon.AddMinutes(30)));

        Assert.DoesNotContain(run.Commands, c => c.Command is SendMessage);
        Assert.Equal("purchased", Assert.Single(run.Instances).ExitReason);
        var conversion = Assert.Single(run.Commands.Select(c => c.Command).OfType<Converted>());
        Assert.Equal((false, false), (conversion.ControlGroup, conversion.TreatmentGroup));
    }

    [Fact]
    public void A_purchase_after_the_reminder_is_a_conversion_and_stops_the_fallback()
    {
        var run = Run(Driver(control: false), Cart(Noon), Order(Noon.AddHours(5)));

        Assert.Single(run.Commands.Select(c => c.Command).OfType<SendMessage>());
        var conversion = Assert.Single(run.Commands.Select(c => c.Command).OfType<Converted>());
        Assert.Equal((false, true), (conversion.ControlGroup, conversion.TreatmentGroup));
    }

    [Fact]
    public void The_holdout_gets_no_messages_but_its_purchases_are_counted_as_control_conversions()
    {
        var run = Run(Driver(control: true), Cart(Noon), Order(Noon.AddDays(2)));

        Assert.DoesNotContain(run.Commands, c => c.Command is SendMessage);
        var conversion = Assert.Single(run.Commands.Select(c => c.Command).OfType<Converted>());
        Assert.Equal((true, false), (conversion.ControlGroup, conversion.TreatmentGroup));
    }

    [Fact]
    public void A_cart_abandoned_late_in_the_evening_is_reminded_after_quiet_hours()
    {
        var evening = new DateTimeOffset(2025, 6, 2, 18, 30, 0, TimeSpan.Zero); // 20:30 in Paris

        var run = JourneyDryRun.Run(Journey, Driver(control: false), [Cart(evening)], evening, evening.AddDays(3));

        var email = run.Commands.First(c => c.Command is SendMessage);
        Assert.Equal(new DateTimeOffset(2025, 6, 3, 8, 0, 0, TimeSpan.FromHours(2)), email.At);
        Assert.Single(run.Commands.Select(c => c.Command).OfType<Deferred>());
    }

    [Fact]
    public void Two_carts_run_as_two_instances_and_a_cart_update_does_not_restart_a_live_one()
    {
        var run = Run(Driver(control: false), Cart(Noon, "c1"), Cart(Noon.AddMinutes(10), "c1"), Cart(Noon.AddMinutes(20), "c2"));

        Assert.Equal(["c1", "c2"], run.Instances.Select(i => i.CorrelationValue));
    }
}
