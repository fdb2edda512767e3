using System.Globalization;
using System.Text.RegularExpressions;

namespace Journeys.Engine.Events;

/// <summary>The strict text formats accepted for dates, date-times and codes.</summary>
internal static partial class JsonFormats
{
    public const string DateExpectation = "must be a date (YYYY-MM-DD)";
    public const string DateTimeExpectation = "must be an ISO 8601 date-time with an offset (e.g. 2025-06-01T08:30:00Z)";

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Birthday traits come as dates, or as date-times from SDKs that serialise a JavaScript Date.</summary>
    public static bool TryParseBirthDate(string text, out DateOnly date)
    {
        if (TryParseDate(text, out date))
        {
            return true;
        }

        if (TryParseDateTime(text, out var moment))
        {
            date = DateOnly.FromDateTime(moment.UtcDateTime);
            return true;
        }

        return false;
    }

    // An offset is required: a departure or timestamp without one is ambiguous by hours.
    public static bool TryParseDateTime(string text, out DateTimeOffset value)
    {
        value = default;
        return IsoDateTime().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    public static bool IsIataAirport(string text) => ThreeUpperLetters().IsMatch(text);

    public static bool IsCurrency(string text) => ThreeUpperLetters().IsMatch(text);

    public static bool IsIataCarrier(string text) => Carrier().IsMatch(text);

    public static bool IsFlightNumber(string text) => FlightNumber().IsMatch(text);

    public static bool IsPnr(string text) => Pnr().IsMatch(text);

    public static bool IsEmail(string text) => Email().IsMatch(text);

    public static bool IsAbsoluteUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoDateTime();

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex ThreeUpperLetters();

    // IATA airline designators are two characters, letters or digits (e.g. AF, U2, 5J).
    [GeneratedRegex("^[A-Z0-9]{2}$")]
    private static partial Regex Carrier();

    [GeneratedRegex("^[0-9]{1,4}[A-Z]?$")]
    private static partial Regex FlightNumber();

    // Record locators are 6 characters in practice; GDS and low-cost systems vary between 5 and 8.
    [GeneratedRegex("^[A-Z0-9]{5,8}$")]
    private static partial Regex Pnr();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
