namespace Journeys.Engine.Events.Catalogue;

/// <summary>Error messages for coded fields, shared so every event words them alike.</summary>
internal static class Expect
{
    public const string Airport = "must be a 3-letter IATA airport code in capitals (e.g. CDG)";
    public const string Carrier = "must be a 2-character IATA airline designator (e.g. AF)";
    public const string FlightNumber = "must be 1 to 4 digits with an optional letter suffix (e.g. 1234)";
    public const string Currency = "must be a 3-letter ISO 4217 currency code in capitals (e.g. EUR)";
    public const string Pnr = "must be a record locator of 5 to 8 capital letters or digits (e.g. X7K2QP)";
    public const string Url = "must be an absolute http(s) URL";
}
