using System.Text.Json.Nodes;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>Segment calls of the two domains, valid per docs/events.md; message ids are unique per call.</summary>
internal static class Calls
{
    public static JsonObject Track(string userId, string name, JsonObject properties, string kind = "customer", JsonObject? traits = null) => new()
    {
        ["type"] = "track",
        ["messageId"] = Guid.NewGuid().ToString("N"),
        ["userId"] = userId,
        ["profileKind"] = kind,
        ["event"] = name,
        ["properties"] = properties,
        ["traits"] = traits,
    };

    public static JsonObject Identify(string userId, JsonObject traits, string kind = "customer") => new()
    {
        ["type"] = "identify",
        ["messageId"] = Guid.NewGuid().ToString("N"),
        ["userId"] = userId,
        ["profileKind"] = kind,
        ["traits"] = traits,
    };

    public static JsonObject Consent(string userId, string channel, string kind = "customer") =>
        Track(userId, "Consent Updated", new JsonObject { ["channel"] = channel, ["granted"] = true }, kind);

    public static JsonObject Cart(string userId, string cartId, bool hasMobileApp) =>
        Track(userId, "Cart Updated", new JsonObject
        {
            ["cartId"] = cartId,
            ["items"] = new JsonArray(Item()),
            ["value"] = 990,
            ["currency"] = "RUB",
            ["passName"] = "T-pass 30 days",
        }, traits: new JsonObject { ["hasMobileApp"] = hasMobileApp });

    public static JsonObject Order(string userId, string cartId) =>
        Track(userId, "Order Completed", new JsonObject
        {
            ["cartId"] = cartId,
            ["orderId"] = "order-" + cartId,
            ["items"] = new JsonArray(Item()),
            ["value"] = 990,
            ["currency"] = "RUB",
        });

    public static JsonObject Trip(string userId, string road, string from, string to) =>
        Track(userId, "Trip Completed", new JsonObject
        {
            ["road"] = road,
            ["entryPoint"] = from,
            ["exitPoint"] = to,
            ["distanceKm"] = 320,
            ["amount"] = 1450,
            ["currency"] = "RUB",
            ["vehicleClass"] = "1",
        });

    public static JsonObject PageView(string userId) =>
        Track(userId, "Page Viewed", new JsonObject { ["url"] = "https://tolls.example/plan", ["path"] = "/plan" });

    /// <summary>A booking sold by <paramref name="cashierId"/> for <paramref name="corporateId"/>; it fans out to each profile.</summary>
    public static JsonObject Booking(string pnr, string passengerId, string salesChannel, string? cashierId = null, string? corporateId = null, DateTimeOffset? departure = null) =>
        Track(passengerId, "Booking Created", new JsonObject
        {
            ["pnr"] = pnr,
            ["passengers"] = new JsonArray(new JsonObject { ["id"] = passengerId, ["firstName"] = "Anna", ["lastName"] = "Petrova" }),
            ["segments"] = new JsonArray(new JsonObject
            {
                ["origin"] = "SVO",
                ["destination"] = "KZN",
                ["carrier"] = "SU",
                ["flightNumber"] = "1190",
                ["departure"] = (departure ?? new DateTimeOffset(2027, 7, 1, 8, 30, 0, TimeSpan.Zero)).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                ["cabin"] = "economy",
                ["fare"] = 120,
                ["currency"] = "EUR",
            }),
            ["salesChannel"] = salesChannel,
            ["cashierId"] = cashierId,
            ["corporateId"] = corporateId,
            ["total"] = 120,
            ["currency"] = "EUR",
        });

    private static JsonObject Item() => new() { ["sku"] = "pass-30", ["name"] = "T-pass 30 days", ["quantity"] = 1, ["price"] = 990 };
}
