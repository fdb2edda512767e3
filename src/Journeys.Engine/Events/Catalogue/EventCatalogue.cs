using System.Collections.Frozen;
using System.Text.Json;

namespace Journeys.Engine.Events.Catalogue;

/// <summary>
/// Maps a catalogued event name to the reader that validates its properties into a typed record.
/// Names are matched exactly (case-sensitive) like Segment does: "booking created" is a custom event.
/// </summary>
public sealed class EventCatalogue
{
    private readonly FrozenDictionary<string, Func<JsonObjectReader, EventProperties?>> _readers;

    private static readonly JsonElement EmptyObject = JsonSerializer.SerializeToElement(new Dictionary<string, string>());

    private EventCatalogue(Dictionary<string, Func<JsonObjectReader, EventProperties?>> readers) =>
        _readers = readers.ToFrozenDictionary(StringComparer.Ordinal);

    public static EventCatalogue Default { get; } = new(new()
    {
        [EventNames.BookingCreated] = BookingCreated.Read,
        [EventNames.BookingChanged] = BookingChanged.Read,
        [EventNames.BookingCancelled] = BookingCancelled.Read,
        [EventNames.TicketIssued] = TicketIssued.Read,
        [EventNames.FlightFlown] = FlightFlown.Read,
        [EventNames.TripCompleted] = TripCompleted.Read,
        [EventNames.CartUpdated] = CartUpdated.Read,
        [EventNames.CheckoutStarted] = CheckoutStarted.Read,
        [EventNames.OrderCompleted] = OrderCompleted.Read,
        [EventNames.PassSubscriptionPurchased] = PassSubscriptionPurchased.Read,
        [EventNames.PageViewed] = PageViewed.Read,
        [EventNames.MessageOpened] = MessageOpened.Read,
        [EventNames.MessageClicked] = MessageClicked.Read,
        [EventNames.MessageUnsubscribed] = MessageUnsubscribed.Read,
        [EventNames.MessageBounced] = MessageBounced.Read,
        [EventNames.PopupShown] = PopupShown.Read,
        [EventNames.PopupClicked] = PopupClicked.Read,
        [EventNames.PopupDismissed] = PopupDismissed.Read,
        [EventNames.ConsentUpdated] = ConsentUpdated.Read,
    });

    public IReadOnlyCollection<string> Names => _readers.Keys;

    public bool IsCatalogued(string eventName) => _readers.ContainsKey(eventName);

    /// <summary>
    /// Validates <paramref name="properties"/> (an object, or default when absent) of a catalogued event;
    /// appends errors located under <paramref name="path"/> and returns null when there are any.
    /// </summary>
    public EventProperties? Read(string eventName, JsonElement properties, string path, List<FieldError> errors)
    {
        var reader = _readers[eventName];
        var element = properties.ValueKind == JsonValueKind.Object ? properties : EmptyObject;
        return reader(new JsonObjectReader(element, path, errors));
    }
}
