namespace Journeys.Engine.Events.Catalogue;

public sealed record BookingCreated(BookingDetails Booking) : EventProperties
{
    internal static BookingCreated? Read(JsonObjectReader r) =>
        BookingDetails.Read(r) is { } booking ? new BookingCreated(booking) : null;
}

/// <summary>
/// The booking as it now stands. <see cref="PreviousTotal"/> lets revenue follow the change
/// without the profile keeping every booking it ever saw.
/// </summary>
public sealed record BookingChanged(BookingDetails Booking, decimal? PreviousTotal) : EventProperties
{
    internal static BookingChanged? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var booking = BookingDetails.Read(r);
        var previousTotal = r.Decimal("previousTotal", required: false);
        return r.ErrorCount > mark ? null : new BookingChanged(booking!, previousTotal);
    }
}

/// <summary>The booking as it was when cancelled; its total is taken off revenue.</summary>
public sealed record BookingCancelled(BookingDetails Booking, string? Reason) : EventProperties
{
    internal static BookingCancelled? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var booking = BookingDetails.Read(r);
        var reason = r.String("reason", required: false, maxLength: 500);
        return r.ErrorCount > mark ? null : new BookingCancelled(booking!, reason);
    }
}
