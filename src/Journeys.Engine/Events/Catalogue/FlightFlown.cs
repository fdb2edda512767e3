namespace Journeys.Engine.Events.Catalogue;

public sealed record FlightFlown(
    string Origin,
    string Destination,
    string Carrier,
    string FlightNumber,
    DateTimeOffset Departure,
    CabinClass? Cabin,
    string? Pnr,
    decimal? DistanceKm) : EventProperties
{
    internal static FlightFlown? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var origin = r.Code("origin", required: true, JsonFormats.IsIataAirport, Expect.Airport);
        var destination = r.Code("destination", required: true, JsonFormats.IsIataAirport, Expect.Airport);
        var carrier = r.Code("carrier", required: true, JsonFormats.IsIataCarrier, Expect.Carrier);
        var flightNumber = r.Code("flightNumber", required: true, JsonFormats.IsFlightNumber, Expect.FlightNumber);
        var departure = r.DateTime("departure", required: true);
        var cabin = r.Enum<CabinClass>("cabin", required: false);
        var pnr = r.Code("pnr", required: false, JsonFormats.IsPnr, Expect.Pnr);
        var distanceKm = r.Decimal("distanceKm", required: false);
        return r.ErrorCount > mark
            ? null
            : new FlightFlown(origin!, destination!, carrier!, flightNumber!, departure!.Value, cabin, pnr, distanceKm);
    }
}
