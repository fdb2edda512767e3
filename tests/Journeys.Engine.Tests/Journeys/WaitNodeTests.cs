using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class WaitNodeTests
{
    [Fact]
    public void A_duration_wait_parks_the_instance_until_its_due_time_then_continues()
    {
        var journey = Journey(new WaitNode { Id = "wait", Duration = TimeSpan.FromHours(2), Next = "email" }, Email("email", "done"), Exit());
        var started = Start(journey, Profile(), Monday9Utc);

        Assert.Equal(Monday9Utc.AddHours(2), started.Instance.NextDueAt);
        Assert.Empty(started.OfType<SendMessage>());

        var early = Timer(journey, started.Instance, Profile(), Monday9Utc.AddHours(1));
        Assert.Same(started.Instance, early.Instance);
        Assert.Empty(early.Commands);

        var due = Timer(journey, started.Instance, Profile(), Monday9Utc.AddHours(2));
        Assert.Single(due.OfType<SendMessage>());
        Assert.Equal(InstanceStatus.Completed, due.Instance.Status);
        Assert.Null(due.Instance.NextDueAt);
    }

    [Fact]
    public void Waiting_until_a_time_of_day_uses_the_profiles_time_zone()
    {
        var journey = Journey(new WaitUntilTimeNode { Id = "at-nine", Time = new TimeOnly(9, 0), Next = "done" }, Exit());
        var tokyo = Profile(timeZone: "Asia/Tokyo");

        // 09:00 UTC is 18:00 in Tokyo: the next 09:00 there is 00:00 UTC the next day.
        var started = Start(journey, tokyo, Monday9Utc);

        Assert.Equal(new DateTimeOffset(2025, 6, 3, 0, 0, 0, TimeSpan.Zero), started.Instance.NextDueAt);
    }

    [Fact]
    public void Waiting_until_a_weekday_skips_to_the_next_matching_day()
    {
        var journey = Journey(new WaitUntilTimeNode { Id = "friday", Time = new TimeOnly(10, 0), Weekdays = [DayOfWeek.Friday], Next = "done" }, Exit());

        var started = Start(journey, Profile(timeZone: "Europe/Paris"), Monday9Utc);

        Assert.Equal(new DateTimeOffset(2025, 6, 6, 10, 0, 0, TimeSpan.FromHours(2)), started.Instance.NextDueAt);
    }

    [Fact]
    public void A_local_time_wait_across_the_daylight_saving_change_keeps_the_wall_clock_time()
    {
        var journey = Journey(new WaitUntilTimeNode { Id = "at-nine", Time = new TimeOnly(9, 0), Next = "done" }, Exit());
        var saturdayEvening = new DateTimeOffset(2025, 3, 29, 20, 0, 0, TimeSpan.Zero);

        var started = Start(journey, Profile(timeZone: "Europe/Paris"), saturdayEvening);

        // Sunday 30 March 2025 Paris switches to UTC+2: 09:00 local is 07:00 UTC.
        Assert.Equal(new DateTimeOffset(2025, 3, 30, 7, 0, 0, TimeSpan.Zero), started.Instance.NextDueAt);
    }

    [Fact]
    public void Waiting_until_a_date_trait_with_an_offset_fires_on_that_day()
    {
        var journey = Journey(
            new WaitUntilDateNode { Id = "before-expiry", DateField = "traits.passExpiresAt", Offset = TimeSpan.FromDays(-7), Next = "done" },
            Exit());

        var started = Start(journey, Profile(traits: new { passExpiresAt = "2025-07-01T08:00:00Z" }), Monday9Utc);

        Assert.Equal(new DateTimeOffset(2025, 6, 24, 8, 0, 0, TimeSpan.Zero), started.Instance.NextDueAt);
    }

    [Fact]
    public void A_date_already_past_goes_on_at_once_and_a_missing_one_takes_the_missing_exit()
    {
        var journey = Journey(
            new WaitUntilDateNode { Id = "until", DateField = "context.departureAt", Next = "done", MissingNext = "no-date" },
            Exit(),
            Exit("no-date"));

        var past = Start(journey, Profile(), Monday9Utc, new { departureAt = "2025-01-01T00:00:00Z" });
        var missing = Start(journey, Profile(), Monday9Utc);

        Assert.Equal("done", past.Instance.CurrentNodeId);
        Assert.Equal("no-date", missing.Instance.CurrentNodeId);
    }

    [Fact]
    public void A_missing_date_without_a_missing_exit_ends_the_instance()
    {
        var journey = Journey(new WaitUntilDateNode { Id = "until", DateField = "traits.renewalAt", Next = "done" }, Exit());

        var result = Start(journey, Profile(), Monday9Utc);

        Assert.Equal(InstanceStatus.Exited, result.Instance.Status);
        Assert.Equal("dateMissing", result.Instance.ExitReason);
    }
}
