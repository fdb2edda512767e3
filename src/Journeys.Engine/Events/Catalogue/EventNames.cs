namespace Journeys.Engine.Events.Catalogue;

/// <summary>The names of catalogued events, as sent in <c>event</c> (Segment's Object-Action style).</summary>
public static class EventNames
{
    public const string BookingCreated = "Booking Created";
    public const string BookingChanged = "Booking Changed";
    public const string BookingCancelled = "Booking Cancelled";
    public const string TicketIssued = "Ticket Issued";
    public const string FlightFlown = "Flight Flown";
    public const string TripCompleted = "Trip Completed";
    public const string CartUpdated = "Cart Updated";
    public const string CheckoutStarted = "Checkout Started";
    public const string OrderCompleted = "Order Completed";
    public const string PassSubscriptionPurchased = "Pass Subscription Purchased";
    public const string PageViewed = "Page Viewed";
    public const string MessageOpened = "Message Opened";
    public const string MessageClicked = "Message Clicked";
    public const string MessageUnsubscribed = "Message Unsubscribed";
    public const string MessageBounced = "Message Bounced";
    public const string PopupShown = "Popup Shown";
    public const string PopupClicked = "Popup Clicked";
    public const string PopupDismissed = "Popup Dismissed";
    public const string ConsentUpdated = "Consent Updated";
}
