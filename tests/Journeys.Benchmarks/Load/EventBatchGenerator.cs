using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Journeys.Benchmarks.Load;

/// <summary>
/// Builds <c>/v1/batch</c> bodies of realistic airline and toll-road traffic, valid against the
/// event catalogue: half page views, a quarter cart updates, trips and bookings (with passengers,
/// segments, cashiers and corporates) for the rest, spread over a fixed population of customers.
/// Every messageId is new, so every event must end up as one journal row.
/// <see cref="TrafficMix.Journeys"/> adds what the sample journeys react to (sign-ups with consent,
/// completed orders closing carts, loyalty changes, trips on promoted roads) and stamps events now.
/// </summary>
public sealed class EventBatchGenerator(int profiles, string runId, int seed = 42, TrafficMix mix = TrafficMix.Ingestion)
{
    private static readonly string[] Airports = ["SVO", "LED", "AER", "KZN", "OVB", "CDG", "IST", "DXB", "TAS", "EVN"];
    private static readonly string[] Carriers = ["SU", "S7", "U6", "DP", "FV"];
    private static readonly string[] Cabins = ["economy", "economy", "economy", "premium-economy", "business", "first"];
    private static readonly string[] Channels = ["web", "web", "mobile", "mobile", "agency", "call-centre", "direct"];
    private static readonly string[] Pages = ["/", "/flights", "/flights/search", "/toll/passes", "/account", "/booking/seats", "/offers"];
    private static readonly string[] Roads = ["M-11", "M-4", "M-12", "CKAD"];
    private static readonly string[] PromotedRoads = ["M7", "M12", "M-11", "CKAD"];
    private static readonly string[] Tiers = ["basic", "silver", "gold", "platinum"];
    /// <summary>Percent of the journey mix that are identify calls (sign-ups with contact traits).</summary>
    private const int SignUps = 5;
    private static readonly string[] VehicleClasses = ["1", "2", "3", "4"];
    private static readonly string[] FirstNames = ["Anna", "Ivan", "Olga", "Pavel", "Maria", "Sergei", "Elena", "Dmitry"];
    private static readonly string[] LastNames = ["Petrova", "Ivanov", "Smirnova", "Volkov", "Kuznetsova", "Popov"];
    private static readonly DateTimeOffset Epoch = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly Random random = new(seed);
    private long sequence;

    public long EventsGenerated => sequence;

    public static string CustomerId(int n) => "c-" + n.ToString(CultureInfo.InvariantCulture);

    public byte[] NextBatch(int size)
    {
        var buffer = new ArrayBufferWriter<byte>(size * 600);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("batch");
            for (var i = 0; i < size; i++)
            {
                WriteEvent(json);
            }
            json.WriteEndArray();
            json.WriteStartObject("context");
            json.WriteStartObject("library");
            json.WriteString("name", "journeys-benchmark");
            json.WriteString("version", "1.0.0");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private void WriteEvent(Utf8JsonWriter json)
    {
        var n = sequence++;
        var userId = random.Next(profiles);
        var at = mix == TrafficMix.Journeys ? DateTimeOffset.UtcNow : Epoch.AddMilliseconds(n);
        var pick = random.Next(100);
        json.WriteStartObject();
        json.WriteString("type", mix == TrafficMix.Journeys && pick < SignUps ? "identify" : "track");
        json.WriteString("messageId", $"{runId}-{n}");
        json.WriteString("userId", CustomerId(userId));
        json.WriteString("timestamp", at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        if (mix == TrafficMix.Journeys)
        {
            WriteJourneyTraffic(json, userId, at, pick);
        }
        else
        {
            WriteIngestionTraffic(json, userId, at, pick);
        }
        json.WriteStartObject("context");
        json.WriteString("ip", $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}");
        json.WriteString("userAgent", "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36");
        json.WriteString("locale", "ru-RU");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private void WriteIngestionTraffic(Utf8JsonWriter json, int userId, DateTimeOffset at, int pick)
    {
        switch (pick)
        {
            case < 50: WritePageViewed(json); break;
            case < 75: WriteCartUpdated(json, userId); break;
            case < 90: WriteTripCompleted(json, Roads); break;
            default: WriteBookingCreated(json, userId, at); break;
        }
    }

    private void WriteJourneyTraffic(Utf8JsonWriter json, int userId, DateTimeOffset at, int pick)
    {
        switch (pick)
        {
            case < SignUps: WriteSignUpTraits(json, userId); break;
            case < 15: WriteConsentGranted(json); break;
            case < 40: WritePageViewed(json); break;
            case < 55: WriteCartUpdated(json, userId); break;
            case < 63: WriteOrderCompleted(json, userId); break;
            case < 78: WriteTripCompleted(json, PromotedRoads); break;
            case < 90: WriteBookingCreated(json, userId, at); break;
            case < 95: WriteLoyaltyJoined(json); break;
            default: WriteTierChanged(json); break;
        }
    }

    private void WriteSignUpTraits(Utf8JsonWriter json, int userId)
    {
        json.WriteStartObject("traits");
        json.WriteString("email", $"customer{userId}@example.com");
        json.WriteString("phone", "+7900" + userId.ToString("D7", CultureInfo.InvariantCulture));
        json.WriteString("firstName", FirstNames[userId % FirstNames.Length]);
        json.WriteBoolean("loyaltyMember", random.Next(2) == 0);
        json.WriteBoolean("hasMobileApp", random.Next(3) == 0);
        json.WriteString("telegramChatId", (100_000_000 + userId).ToString(CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private void WriteConsentGranted(Utf8JsonWriter json)
    {
        string[] channels = ["email", "sms", "push", "telegram"];
        json.WriteString("event", "Consent Updated");
        json.WriteStartObject("properties");
        json.WriteString("channel", channels[random.Next(channels.Length)]);
        json.WriteBoolean("granted", true);
        json.WriteString("source", "signup-form");
        json.WriteEndObject();
    }

    private void WriteOrderCompleted(Utf8JsonWriter json, int userId)
    {
        var price = 500m + random.Next(20_000);
        json.WriteString("event", "Order Completed");
        json.WriteStartObject("properties");
        json.WriteString("cartId", "cart-" + userId.ToString(CultureInfo.InvariantCulture));
        json.WriteString("orderId", "ord-" + sequence.ToString(CultureInfo.InvariantCulture));
        json.WriteStartArray("items");
        WritePassItem(json, price);
        json.WriteEndArray();
        json.WriteNumber("value", price);
        json.WriteString("currency", "RUB");
        json.WriteEndObject();
    }

    private void WriteLoyaltyJoined(Utf8JsonWriter json)
    {
        json.WriteString("event", "Loyalty Programme Joined");
        json.WriteStartObject("properties");
        json.WriteString("programme", "Example Air Miles");
        json.WriteString("tier", "basic");
        json.WriteEndObject();
    }

    private void WriteTierChanged(Utf8JsonWriter json)
    {
        var from = random.Next(Tiers.Length - 1);
        json.WriteString("event", "Loyalty Tier Changed");
        json.WriteStartObject("properties");
        json.WriteString("fromTier", Tiers[from]);
        json.WriteString("toTier", Tiers[from + 1 + random.Next(Tiers.Length - 1 - from)]);
        json.WriteEndObject();
    }

    private void WritePageViewed(Utf8JsonWriter json)
    {
        var path = Pages[random.Next(Pages.Length)];
        json.WriteString("event", "Page Viewed");
        json.WriteStartObject("properties");
        json.WriteString("url", "https://www.example-air.com" + path);
        json.WriteString("path", path);
        json.WriteString("title", "Example Air - " + path.Trim('/'));
        json.WriteString("referrer", "https://www.google.com/");
        json.WriteEndObject();
    }

    private void WriteCartUpdated(Utf8JsonWriter json, int userId)
    {
        var items = random.Next(0, 4);
        json.WriteString("event", "Cart Updated");
        json.WriteStartObject("properties");
        json.WriteString("cartId", "cart-" + userId.ToString(CultureInfo.InvariantCulture));
        json.WriteStartArray("items");
        decimal value = 0;
        for (var i = 0; i < items; i++)
        {
            var price = 500m + random.Next(20_000);
            value += price;
            WritePassItem(json, price);
        }
        json.WriteEndArray();
        json.WriteNumber("value", value);
        json.WriteString("currency", "RUB");
        json.WriteEndObject();
    }

    private void WritePassItem(Utf8JsonWriter json, decimal price)
    {
        json.WriteStartObject();
        json.WriteString("sku", "PASS-" + random.Next(40).ToString(CultureInfo.InvariantCulture));
        json.WriteString("name", "Toll pass, 30 days");
        json.WriteNumber("quantity", 1);
        json.WriteNumber("price", price);
        json.WriteEndObject();
    }

    private void WriteTripCompleted(Utf8JsonWriter json, string[] roads)
    {
        var entry = random.Next(1, 60);
        var distance = random.Next(5, 400);
        json.WriteString("event", "Trip Completed");
        json.WriteStartObject("properties");
        json.WriteString("road", roads[random.Next(roads.Length)]);
        json.WriteString("entryPoint", "km" + entry.ToString(CultureInfo.InvariantCulture));
        json.WriteString("exitPoint", "km" + (entry + distance).ToString(CultureInfo.InvariantCulture));
        json.WriteNumber("distanceKm", distance);
        json.WriteNumber("amount", distance * 4.5m);
        json.WriteString("currency", "RUB");
        json.WriteString("vehicleClass", VehicleClasses[random.Next(VehicleClasses.Length)]);
        if (random.Next(3) == 0)
        {
            json.WriteString("passId", "pass-" + random.Next(100_000).ToString(CultureInfo.InvariantCulture));
        }
        json.WriteEndObject();
    }

    private void WriteBookingCreated(Utf8JsonWriter json, int userId, DateTimeOffset at)
    {
        var channel = Channels[random.Next(Channels.Length)];
        var passengers = random.Next(1, 4);
        var segments = random.Next(1, 3);
        json.WriteString("event", "Booking Created");
        json.WriteStartObject("properties");
        json.WriteString("pnr", Pnr());
        json.WriteStartArray("passengers");
        for (var i = 0; i < passengers; i++)
        {
            // The buyer flies; companions are other customers of the same population.
            var passenger = i == 0 ? userId : random.Next(profiles);
            json.WriteStartObject();
            json.WriteString("id", CustomerId(passenger));
            json.WriteString("firstName", FirstNames[passenger % FirstNames.Length]);
            json.WriteString("lastName", LastNames[passenger % LastNames.Length]);
            json.WriteString("birthDate", new DateOnly(1950 + passenger % 60, 1 + passenger % 12, 1 + passenger % 28).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("email", $"customer{passenger}@example.com");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("segments");
        decimal total = 0;
        var origin = Airports[random.Next(Airports.Length)];
        for (var i = 0; i < segments; i++)
        {
            var destination = Airports[random.Next(Airports.Length)];
            var fare = 3_000m + random.Next(60_000);
            total += fare * passengers;
            json.WriteStartObject();
            json.WriteString("origin", origin);
            json.WriteString("destination", destination);
            json.WriteString("carrier", Carriers[random.Next(Carriers.Length)]);
            json.WriteString("flightNumber", random.Next(1, 9999).ToString(CultureInfo.InvariantCulture));
            json.WriteString("departure", at.AddDays(random.Next(1, 120) + i).ToString("yyyy-MM-dd'T'HH:mm:ss'+03:00'", CultureInfo.InvariantCulture));
            json.WriteString("cabin", Cabins[random.Next(Cabins.Length)]);
            json.WriteNumber("fare", fare);
            json.WriteString("currency", "RUB");
            json.WriteEndObject();
            origin = destination;
        }
        json.WriteEndArray();
        json.WriteString("salesChannel", channel);
        if (channel is "agency" or "call-centre")
        {
            json.WriteString("agencyId", "agency-" + random.Next(50).ToString(CultureInfo.InvariantCulture));
            json.WriteString("cashierId", "cashier-" + random.Next(500).ToString(CultureInfo.InvariantCulture));
        }
        if (random.Next(5) == 0)
        {
            json.WriteString("corporateId", "corp-" + random.Next(200).ToString(CultureInfo.InvariantCulture));
        }
        json.WriteNumber("total", total);
        json.WriteString("currency", "RUB");
        json.WriteEndObject();
    }

    private string Pnr()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(6, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[r.Next(alphabet.Length)];
            }
        });
    }
}
