namespace Journeys.Engine.Events.Catalogue;

/// <summary>A toll-road trip from an entry to an exit point.</summary>
public sealed record TripCompleted(
    string Road,
    string EntryPoint,
    string ExitPoint,
    decimal DistanceKm,
    decimal Amount,
    string Currency,
    string VehicleClass,
    string? PassId) : EventProperties
{
    internal static TripCompleted? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var road = r.String("road", required: true, maxLength: 50);
        var entryPoint = r.String("entryPoint", required: true);
        var exitPoint = r.String("exitPoint", required: true);
        var distanceKm = r.Decimal("distanceKm", required: true);
        var amount = r.Decimal("amount", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        var vehicleClass = r.String("vehicleClass", required: true, maxLength: 20);
        var passId = r.String("passId", required: false);
        return r.ErrorCount > mark
            ? null
            : new TripCompleted(road!, entryPoint!, exitPoint!, distanceKm!.Value, amount!.Value, currency!, vehicleClass!, passId);
    }
}
