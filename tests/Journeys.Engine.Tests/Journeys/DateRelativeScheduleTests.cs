using Journeys.Engine.Conditions;
using Journeys.Engine.Journeys;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Journeys;

public sealed class DateRelativeScheduleTests
{
    [Fact]
    public void A_date_trait_trigger_is_due_offset_days_away_at_the_local_time()
    {
        var trigger = new DateRelativeTrigger { DateField = "traits.passExpiresAt", OffsetDays = -14, At = new TimeOnly(10, 0), Next = "x" };
        var profile = Profile(traits: new { passExpiresAt = "2025-09-01T00:00:00+02:00" }, timeZone: "Europe/Paris");

        Assert.Equal(new DateTimeOffset(2025, 8, 18, 10, 0, 0, TimeSpan.FromHours(2)), DateRelativeSchedule.NextAfter(trigger, profile, Monday9Utc));
    }

    [Fact]
    public void An_anniversary_trigger_is_due_thirty_days_before_last_years_trip_per_route()
    {
        var trigger = new DateRelativeTrigger
        {
            AnniversaryOf = new AnniversaryOf { Event = "Trip Completed", Condition = new FieldCondition("event.properties.route", "exists") },
            OffsetDays = -30,
            Next = "x",
        };
        var profile = Profile() with
        {
            History =
            [
                Event("Trip Completed", new DateTimeOffset(2024, 7, 20, 15, 0, 0, TimeSpan.Zero), new { route = "M4" }),
                Event("Trip Completed", new DateTimeOffset(2024, 8, 10, 15, 0, 0, TimeSpan.Zero), new { route = "M12" }),
                Event("Trip Completed", new DateTimeOffset(2024, 8, 11, 15, 0, 0, TimeSpan.Zero)),
            ],
        };

        var due = DateRelativeSchedule.DueBetween(trigger, profile, Monday9Utc, new DateTimeOffset(2025, 12, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal(
            [(new DateTimeOffset(2025, 6, 20, 10, 0, 0, TimeSpan.Zero), "M4"), (new DateTimeOffset(2025, 7, 11, 10, 0, 0, TimeSpan.Zero), "M12")],
            due.Select(d => (d.DueAt, d.Source!.Properties.GetProperty("route").GetString())));
    }

    [Fact]
    public void Only_the_first_anniversary_counts_unless_every_year_is_asked()
    {
        var once = new DateRelativeTrigger { AnniversaryOf = new AnniversaryOf { Event = "Signed Up" }, Next = "x" };
        var yearly = once with { AnniversaryOf = once.AnniversaryOf with { EveryYear = true } };
        var profile = Profile() with { History = [Event("Signed Up", new DateTimeOffset(2020, 9, 1, 0, 0, 0, TimeSpan.Zero))] };

        Assert.Null(DateRelativeSchedule.NextAfter(once, profile, Monday9Utc));
        Assert.Equal(new DateTimeOffset(2025, 9, 1, 10, 0, 0, TimeSpan.Zero), DateRelativeSchedule.NextAfter(yearly, profile, Monday9Utc));
    }
}
