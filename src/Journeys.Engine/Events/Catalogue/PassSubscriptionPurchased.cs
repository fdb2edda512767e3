namespace Journeys.Engine.Events.Catalogue;

public sealed record PassSubscriptionPurchased(
    string PassId,
    PassFormula Formula,
    DriverSegment Segment,
    decimal Price,
    string Currency) : EventProperties
{
    internal static PassSubscriptionPurchased? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var passId = r.String("passId", required: true);
        var formula = r.Enum<PassFormula>("formula", required: true);
        var segment = r.Enum<DriverSegment>("segment", required: true);
        var price = r.Decimal("price", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        return r.ErrorCount > mark
            ? null
            : new PassSubscriptionPurchased(passId!, formula!.Value, segment!.Value, price!.Value, currency!);
    }
}
