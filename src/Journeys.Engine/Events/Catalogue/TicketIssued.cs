namespace Journeys.Engine.Events.Catalogue;

public sealed record TicketIssued(
    string Pnr,
    string TicketNumber,
    string PassengerId,
    decimal Amount,
    string Currency,
    string? CashierId) : EventProperties
{
    internal static TicketIssued? Read(JsonObjectReader r)
    {
        var mark = r.ErrorCount;
        var pnr = r.Code("pnr", required: true, JsonFormats.IsPnr, Expect.Pnr);
        var ticketNumber = r.Code("ticketNumber", required: true, IsTicketNumber, "must be a 13-digit ticket number");
        var passengerId = r.String("passengerId", required: true);
        var amount = r.Decimal("amount", required: true);
        var currency = r.Code("currency", required: true, JsonFormats.IsCurrency, Expect.Currency);
        var cashierId = r.String("cashierId", required: false);
        return r.ErrorCount > mark
            ? null
            : new TicketIssued(pnr!, ticketNumber!, passengerId!, amount!.Value, currency!, cashierId);
    }

    private static bool IsTicketNumber(string text) => text.Length == 13 && text.All(char.IsAsciiDigit);
}
