using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Engine.Events;

namespace Journeys.Engine.Tests.Events;

/// <summary>Builds events through the real parser, so every test event is one the API would accept.</summary>
internal static class TestEvents
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static int _counter;

    public static EventParser Parser { get; } = new(Engine.Events.Catalogue.EventCatalogue.Default, () => new Guid(1, 2, 3, new byte[8]));

    public static EventEnvelope Track(string name, object properties, string userId = "u1", DateTimeOffset? at = null, string kind = "customer") =>
        Call(EventType.Track, new JsonObject
        {
            ["event"] = name,
            ["userId"] = userId,
            ["profileKind"] = kind,
            ["timestamp"] = (at ?? Now).ToString("O"),
            ["properties"] = JsonSerializer.SerializeToNode(properties),
        });

    public static EventEnvelope Identify(string userId, object traits, string? anonymousId = null, DateTimeOffset? at = null) =>
        Call(EventType.Identify, new JsonObject
        {
            ["userId"] = userId,
            ["anonymousId"] = anonymousId,
            ["timestamp"] = (at ?? Now).ToString("O"),
            ["traits"] = JsonSerializer.SerializeToNode(traits),
        });

    public static EventEnvelope Call(EventType type, JsonObject body)
    {
        body["messageId"] ??= $"m{Interlocked.Increment(ref _counter)}";
        var result = Parser.ParseCall(type, body, Now);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return Assert.Single(result.Events);
    }

    public static object Booking(
        string pnr = "X7K2QP",
        string[]? passengers = null,
        decimal total = 300m,
        string channel = "agency",
        string? cashierId = "c1",
        string? corporateId = "corp1") => new Dictionary<string, object?>
        {
            ["pnr"] = pnr,
            ["passengers"] = (passengers ?? ["u1"]).Select(id => new
            {
                id,
                firstName = "Anna",
                lastName = "Petrova",
                birthDate = "1990-04-12",
                email = $"{id}@example.com",
            }).ToArray(),
            ["segments"] = new[]
            {
                new
                {
                    origin = "SVO",
                    destination = "AER",
                    carrier = "SU",
                    flightNumber = "1120",
                    departure = "2025-07-01T08:30:00+03:00",
                    cabin = "economy",
                    fare = total,
                    currency = "EUR",
                },
            },
            ["salesChannel"] = channel,
            ["agencyId"] = "ag1",
            ["cashierId"] = cashierId,
            ["corporateId"] = corporateId,
            ["total"] = total,
            ["currency"] = "EUR",
        };
}
