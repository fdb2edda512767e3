namespace Journeys.Engine.Journeys;

/// <summary>Wall-clock arithmetic in a profile's time zone, safe across daylight-saving changes.</summary>
public static class LocalClock
{
    /// <summary>The first instant at or after <paramref name="now"/> whose local time is <paramref name="time"/> on one of <paramref name="weekdays"/> (any day if empty).</summary>
    public static DateTimeOffset NextTime(DateTimeOffset now, TimeZoneInfo zone, TimeOnly time, IReadOnlyCollection<DayOfWeek> weekdays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        for (var day = 0; day <= 8; day++)
        {
            var date = today.AddDays(day);
            if (weekdays.Count > 0 && !weekdays.Contains(date.DayOfWeek))
            {
                continue;
            }

            var candidate = ToInstant(date, time, zone);
            if (candidate >= now)
            {
                return candidate;
            }
        }

        return ToInstant(today.AddDays(7), time, zone);
    }

    /// <summary>The instant of a local date and time. A time skipped by a spring-forward change moves an hour later.</summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static bool IsQuiet(DateTimeOffset now, TimeZoneInfo zone, QuietHours quiet)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return quiet.Start <= quiet.End
            ? local >= quiet.Start && local < quiet.End
            : local >= quiet.Start || local < quiet.End;
    }
}
