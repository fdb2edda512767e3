namespace Journeys.Engine.Events.Catalogue;

public sealed record Passenger(string Id, string FirstName, string LastName, DateOnly? BirthDate, string? Email)
{
    internal static Passenger? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var id = r.String("id", required: true);
        var firstName = r.String("firstName", required: true);
        var lastName = r.String("lastName", required: true);
        var birthDate = r.Date("birthDate", required: false);
        var email = r.Code("email", required: false, JsonFormats.IsEmail, "must be an e-mail address");
        return r.ErrorCount > mark ? null : new Passenger(id!, firstName!, lastName!, birthDate, email);
    }
}

public sealed record FlightSegment(
    string Origin,
    string Destination,
    string Carrier,
    string FlightNumber,
    DateTimeOffset Departure,
    CabinClass Cabin,
    decimal Fare,
    string Currency)
{
    internal static FlightSegment? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var origin = r.Code("origin", required: true, JsonFormats.IsIataAirport, Expect.Airport);
        var destination = r.Code("destination", required: true, JsonFormats.IsIataAirport, Expect.Airport);
        var carrier = r.Code("carrier", required: true, JsonFormats.IsIataCarrier, Expect.Carrier);
        var flightNumber = r.Code("flightNumber", required: true, JsonFormats.IsFlightNumber, Expect.FlightNumber);
        var departure = r.DateTime("departure", required: true);
        var cabin = r.Enum<CabinClass>("cabin", required: true);
        var fare = r.Decimal("fare", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        return r.ErrorCount > mark
            ? null
            : new FlightSegment(origin!, destination!, carrier!, flightNumber!, departure!.Value, cabin!.Value, fare!.Value, currency!);
    }
}

/// <summary>A booking as it stands; Booking Created, Changed and Cancelled all carry it.</summary>
public sealed record BookingDetails(
    string Pnr,
    IReadOnlyList<Passenger> Passengers,
    IReadOnlyList<FlightSegment> Segments,
    SalesChannel SalesChannel,
    string? AgencyId,
    string? CashierId,
    string? CorporateId,
    decimal Total,
    string Currency)
{
    internal static BookingDetails? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var pnr = r.Code("pnr", required: true, JsonFormats.IsPnr, Expect.Pnr);
        var passengers = r.Array("passengers", required: true, minimumCount: 1, Passenger.Read);
        var segments = r.Array("segments", required: true, minimumCount: 1, FlightSegment.Read);
        var channel = r.Enum<SalesChannel>("salesChannel", required: true);
        var agencyId = r.String("agencyId", required: false);
        var cashierId = r.String("cashierId", required: false);
        var corporateId = r.String("corporateId", required: false);
        var total = r.Decimal("total", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        return r.ErrorCount > mark
            ? null
            : new BookingDetails(pnr!, passengers!, segments!, channel!.Value, agencyId, cashierId, corporateId, total!.Value, currency!);
    }
}
