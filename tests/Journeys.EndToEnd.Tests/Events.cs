using System.Text.Json.Nodes;

namespace Journeys.EndToEnd.Tests;

/// <summary>Request bodies in the Segment shape, valid per docs/events.md.</summary>
public static class Events
{
    public static JsonObject Track(string messageId, string userId, string name, JsonObject properties) => new()
    {
        ["type"] = "track",
        ["messageId"] = messageId,
        ["userId"] = userId,
        ["event"] = name,
        ["properties"] = properties,
    };

    public static JsonObject PageView(string messageId, string? userId = null, string? anonymousId = null) => new()
    {
        ["type"] = "track",
        ["messageId"] = messageId,
        ["userId"] = userId,
        ["anonymousId"] = anonymousId,
        ["event"] = "Page Viewed",
        ["properties"] = new JsonObject { ["url"] = "https://tolls.example/passes", ["path"] = "/passes" },
    };

    public static JsonObject Trip(string messageId, string userId, decimal amount = 1250) =>
        Track(messageId, userId, "Trip Completed", new JsonObject
        {
            ["road"] = "M12",
            ["entryPoint"] = "Moscow",
            ["exitPoint"] = "Kazan",
            ["distanceKm"] = 800,
            ["amount"] = amount,
            ["currency"] = "RUB",
            ["vehicleClass"] = "1",
        });

    public static JsonObject Batch(params JsonNode[] events) => new() { ["batch"] = new JsonArray(events) };

    public static JsonObject BookingCreated(string messageId, string bookerId, string cashierId, string corporateId, params string[] passengerIds) =>
        Track(messageId, bookerId, "Booking Created", new JsonObject
        {
            ["pnr"] = "ABC123",
            ["passengers"] = new JsonArray([.. passengerIds.Select((id, i) => (JsonNode)new JsonObject
            {
                ["id"] = id,
                ["firstName"] = "Pax" + i,
                ["lastName"] = "Traveller",
                ["birthDate"] = "1985-04-0" + (i + 1),
            })]),
            ["segments"] = new JsonArray(new JsonObject
            {
                ["origin"] = "SVO",
                ["destination"] = "LED",
                ["carrier"] = "SU",
                ["flightNumber"] = "30",
                ["departure"] = "2026-12-20T08:30:00Z",
                ["cabin"] = "economy",
                ["fare"] = 9000,
                ["currency"] = "RUB",
            }),
            ["salesChannel"] = "agency",
            ["agencyId"] = "AG-7",
            ["cashierId"] = cashierId,
            ["corporateId"] = corporateId,
            ["total"] = 18000,
            ["currency"] = "RUB",
        });
}
