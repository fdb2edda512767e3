using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class WaitForEventNodeTests
{
    private static readonly JourneyDefinition Journey = TestData.Journey(
        new WaitForEventNode
        {
            Id = "wait-order",
            Event = "Order Completed",
            CorrelateOn = "cartId",
            Timeout = TimeSpan.FromHours(1),
            Next = "bought",
            TimeoutNext = "reminder",
        },
        Email("reminder", "done"),
        Exit("bought"),
        Exit());

    [Fact]
    public void The_correlated_event_takes_the_event_exit()
    {
        var started = Start(Journey, Profile(), Monday9Utc, new { cartId = "c-1" });

        var result = Receive(Journey, started.Instance, Profile(), Event("Order Completed", Monday9Utc.AddMinutes(20), new { cartId = "c-1" }));

        Assert.Equal("bought", result.Instance.CurrentNodeId);
        Assert.Equal("event", result.OfType<NodeExited>().First().Outcome);
        Assert.Empty(result.OfType<SendMessage>());
    }

    [Fact]
    public void An_event_for_another_key_is_ignored()
    {
        var started = Start(Journey, Profile(), Monday9Utc, new { cartId = "c-1" });

        var result = Receive(Journey, started.Instance, Profile(), Event("Order Completed", Monday9Utc.AddMinutes(20), new { cartId = "c-2" }));

        Assert.Empty(result.Commands);
        Assert.Equal("wait-order", result.Instance.CurrentNodeId);
    }

    [Fact]
    public void The_timeout_takes_the_timeout_exit()
    {
        var started = Start(Journey, Profile(), Monday9Utc, new { cartId = "c-1" });
        Assert.Equal(Monday9Utc.AddHours(1), started.Instance.NextDueAt);

        var result = Timer(Journey, started.Instance, Profile(), Monday9Utc.AddHours(1));

        Assert.Equal("timeout", result.OfType<NodeExited>().First().Outcome);
        Assert.Single(result.OfType<SendMessage>());
    }

    [Fact]
    public void An_event_after_the_timeout_fired_does_not_move_the_instance_again()
    {
        var started = Start(Journey, Profile(), Monday9Utc, new { cartId = "c-1" });
        var timedOut = Timer(Journey, started.Instance, Profile(), Monday9Utc.AddHours(1));

        var late = Receive(Journey, timedOut.Instance, Profile(), Event("Order Completed", Monday9Utc.AddHours(2), new { cartId = "c-1" }));

        Assert.Empty(late.Commands);
    }
}
