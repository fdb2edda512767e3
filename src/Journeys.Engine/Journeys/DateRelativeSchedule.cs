using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>
/// When a date-relative trigger comes due for a profile. The grain asks for <see cref="NextAfter"/> to set
/// its one reminder, then for <see cref="DueBetween"/> when it wakes, and feeds each as a <see cref="DateReached"/>.
/// </summary>
public static class DateRelativeSchedule
{
    // Bounds the years an every-year anniversary is searched over, so a call is always cheap.
    private const int YearsAhead = 2;

    public static IReadOnlyList<DateReached> DueBetween(DateRelativeTrigger trigger, ProfileView profile, DateTimeOffset after, DateTimeOffset until) =>
        [.. Candidates(trigger, profile, after, until).OrderBy(due => due.DueAt)];

    public static DateTimeOffset? NextAfter(DateRelativeTrigger trigger, ProfileView profile, DateTimeOffset after) =>
        Candidates(trigger, profile, after, DateTimeOffset.MaxValue)
            .Select(due => (DateTimeOffset?)due.DueAt)
            .Min();

    private static IEnumerable<DateReached> Candidates(DateRelativeTrigger trigger, ProfileView profile, DateTimeOffset after, DateTimeOffset until)
    {
        var zone = profile.ResolveTimeZone();
        var fields = FieldSources.For(profile, null, default);
        if (trigger.DateField is { } field
            && FieldPath.TryParse(field, out var path)
            && fields.TryGetValue(path, out var value)
            && ConditionEvaluator.TryDate(value, out var date))
        {
            var due = At(date, trigger, zone, years: 0);
            if (due > after && due <= until)
            {
                yield return new DateReached(due, null);
            }
        }

        if (trigger.AnniversaryOf is not { } anniversary)
        {
            yield break;
        }

        foreach (var past in profile.History.Where(past => past.Name == anniversary.Event))
        {
            if (anniversary.Condition is not null
                && !ConditionEvaluator.Evaluate(anniversary.Condition, FieldSources.For(profile, past, past.Properties), after))
            {
                continue;
            }

            var lastYear = anniversary.EveryYear ? Math.Max(1, after.Year - past.Timestamp.Year + YearsAhead) : 1;
            var firstYear = anniversary.EveryYear ? Math.Max(1, after.Year - past.Timestamp.Year - 1) : 1;
            for (var years = firstYear; years <= lastYear; years++)
            {
                var due = At(past.Timestamp, trigger, zone, years);
                if (due > after && due <= until)
                {
                    yield return new DateReached(due, past);
                }
            }
        }
    }

    private static DateTimeOffset At(DateTimeOffset date, DateRelativeTrigger trigger, TimeZoneInfo zone, int years)
    {
        var localDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(date, zone).DateTime);
        return LocalClock.ToInstant(localDate.AddYears(years).AddDays(trigger.OffsetDays), trigger.At, zone);
    }
}
