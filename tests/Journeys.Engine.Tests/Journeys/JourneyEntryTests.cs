using Journeys.Engine.Conditions;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class JourneyEntryTests
{
    private static readonly JourneyDefinition CartJourney = Journey(
        new WaitNode { Id = "wait", Duration = TimeSpan.FromHours(1), Next = "done" }, Exit()) with
    {
        Trigger = new EventTrigger
        {
            Event = "Cart Updated",
            Condition = new FieldCondition("event.properties.total", "gt", Json("0")),
            Next = "wait",
        },
        Entry = new EntryPolicy { Mode = EntryMode.Always, CorrelationKey = "cartId" },
    };

    private static EntryDecision Decide(JourneyDefinition journey, IEnumerable<JourneyInstance> existing, JourneyEvent @event) =>
        JourneyEntry.ShouldEnter(journey, existing, new EventReceived(@event), Profile(), @event.Timestamp);

    private static JourneyInstance Running(JourneyDefinition journey, object properties, DateTimeOffset at) =>
        JourneyInterpreter.Start(journey, Profile(), new EventReceived(Event("Cart Updated", at, properties)), $"i-{at.Ticks}", at).Instance;

    [Fact]
    public void The_trigger_event_must_match_its_name_and_condition()
    {
        Assert.True(Decide(CartJourney, [], Event("Cart Updated", Monday9Utc, new { cartId = "c1", total = 10 })).Enter);
        Assert.Equal("triggerMismatch", Decide(CartJourney, [], Event("Cart Updated", Monday9Utc, new { cartId = "c1", total = 0 })).Reason);
        Assert.Equal("triggerMismatch", Decide(CartJourney, [], Event("Page Viewed", Monday9Utc, new { cartId = "c1", total = 10 })).Reason);
    }

    [Fact]
    public void One_live_instance_per_correlation_key()
    {
        var live = Running(CartJourney, new { cartId = "c1", total = 10 }, Monday9Utc);

        var sameCart = Decide(CartJourney, [live], Event("Cart Updated", Monday9Utc.AddMinutes(5), new { cartId = "c1", total = 12 }));
        var otherCart = Decide(CartJourney, [live], Event("Cart Updated", Monday9Utc.AddMinutes(5), new { cartId = "c2", total = 12 }));

        Assert.Equal("liveInstance", sameCart.Reason);
        Assert.True(otherCart.Enter);
        Assert.Equal("c2", otherCart.CorrelationValue);
    }

    [Fact]
    public void A_trigger_without_the_correlation_key_does_not_enter() =>
        Assert.Equal("missingCorrelationKey", Decide(CartJourney, [], Event("Cart Updated", Monday9Utc, new { total = 10 })).Reason);

    [Fact]
    public void Once_means_never_again_even_after_the_first_instance_finished()
    {
        var once = CartJourney with { Entry = new EntryPolicy { Mode = EntryMode.Once } };
        var finished = Running(once, new { cartId = "c1", total = 10 }, Monday9Utc) with { Status = InstanceStatus.Completed };

        Assert.Equal("alreadyEntered", Decide(once, [finished], Event("Cart Updated", Monday9Utc.AddDays(100), new { cartId = "c9", total = 1 })).Reason);
    }

    [Fact]
    public void Once_per_period_allows_a_new_entry_only_after_the_period()
    {
        var monthly = CartJourney with { Entry = new EntryPolicy { Mode = EntryMode.OncePerPeriod, Period = TimeSpan.FromDays(30) } };
        var finished = Running(monthly, new { cartId = "c1", total = 10 }, Monday9Utc) with { Status = InstanceStatus.Completed };

        Assert.Equal("enteredWithinPeriod", Decide(monthly, [finished], Event("Cart Updated", Monday9Utc.AddDays(10), new { total = 1 })).Reason);
        Assert.True(Decide(monthly, [finished], Event("Cart Updated", Monday9Utc.AddDays(31), new { total = 1 })).Enter);
    }

    [Fact]
    public void Instances_of_other_journeys_do_not_count()
    {
        var once = CartJourney with { Entry = new EntryPolicy { Mode = EntryMode.Once } };
        var other = Running(once, new { cartId = "c1", total = 10 }, Monday9Utc) with { JourneyId = "another" };

        Assert.True(Decide(once, [other], Event("Cart Updated", Monday9Utc, new { total = 1 })).Enter);
    }

    [Fact]
    public void Segment_and_api_triggers_match_their_own_inputs()
    {
        var segment = CartJourney with { Trigger = new SegmentEntryTrigger { Segment = "lapsed", Next = "wait" }, Entry = new EntryPolicy() };
        var api = CartJourney with { Trigger = new ApiTrigger { Next = "wait" }, Entry = new EntryPolicy() };

        Assert.True(JourneyEntry.ShouldEnter(segment, [], new SegmentEntered("lapsed"), Profile(), Monday9Utc).Enter);
        Assert.False(JourneyEntry.ShouldEnter(segment, [], new SegmentEntered("vip"), Profile(), Monday9Utc).Enter);
        Assert.True(JourneyEntry.ShouldEnter(api, [], new ApiTriggered("test-journey", Json("{}")), Profile(), Monday9Utc).Enter);
        Assert.False(JourneyEntry.ShouldEnter(api, [], new ApiTriggered("other", Json("{}")), Profile(), Monday9Utc).Enter);
    }
}
