using System.Globalization;
using System.Text.Json.Nodes;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Generators of events that docs/events.md accepts, each with the fields a mutation may break.</summary>
public static class ValidEvents
{
    public static readonly Gen<string> Word = Gen.Frequency(
        (4, Gen.String[Gen.Char.AlphaNumeric, 1, 16]),
        (1, Gen.OneOf<string>("Zoë", "東京", "🚗 M12", "O'Brien \"quoted\"", "tab\tand\nnewline", "a/b\\c", "<script>", "null")));

    private static readonly Gen<string> Upper3 = Gen.String[Gen.Char['A', 'Z'], 3, 3];
    private static readonly Gen<decimal> Money = Gen.Int[0, 1_000_000].Select(cents => cents / 100m);

    private static readonly Gen<string> Stamp =
        from seconds in Gen.Long[946_684_800L, 1_893_456_000L]
        from offsetHours in Gen.Int[-12, 14]
        from zulu in Gen.Bool
        select zulu
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : DateTimeOffset.FromUnixTimeSeconds(seconds).ToOffset(TimeSpan.FromHours(offsetHours)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static readonly Gen<string> Day = Gen.Int[0, 30_000].Select(d => new DateOnly(1930, 1, 1).AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Any JSON an integrator may put in a custom event's properties: nested, unicode keys, every scalar kind.</summary>
    public static Gen<JsonNode?> FreeJson(int depth) => depth == 0
        ? Gen.OneOf(
            Gen.Const((JsonNode?)null),
            Gen.Bool.Select(b => (JsonNode?)b),
            Gen.Long.Select(l => (JsonNode?)l),
            Gen.Double[-1e9, 1e9].Select(d => (JsonNode?)d),
            Word.Select(w => (JsonNode?)w))
        : Gen.Frequency(
            (3, FreeJson(0)),
            (1, FreeJson(depth - 1).Array[0, 3].Select(items => (JsonNode?)new JsonArray(items))),
            (1, FreeObject(depth - 1).Select(o => (JsonNode?)o)));

    public static Gen<JsonObject> FreeObject(int depth) =>
        Gen.Select(Word, FreeJson(depth)).Array[0, 4].Select(members =>
        {
            var result = new JsonObject();
            foreach (var (key, value) in members)
            {
                result[key] = value;
            }
            return result;
        });

    private const string MessageIdPlaceholder = "__messageId__";

    /// <summary>A copy of <paramref name="body"/> with the case's messageId, unless a mutation already replaced the placeholder.</summary>
    public static JsonObject WithMessageId(JsonObject body, string messageId)
    {
        var copy = body.DeepClone().AsObject();
        if (copy["messageId"] is JsonValue value && value.TryGetValue<string>(out var text) && text == MessageIdPlaceholder)
        {
            copy["messageId"] = messageId;
        }
        return copy;
    }

    public static Gen<ValidEvent> Any => Gen.Frequency(
        (3, Track("Trip Completed", TripProperties)),
        (3, Track("Page Viewed", PageProperties)),
        (2, Track("Cart Updated", CartProperties)),
        (2, Track("Booking Created", BookingProperties)),
        (1, Track("Checkout Started", CheckoutProperties)),
        (2, from name in Word.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => "Custom " + w)
            from props in FreeObject(3)
            from e in Track(name, Gen.Const((props, Array.Empty<EventField>())))
            select e),
        (1, Call("page", PageProperties.Select(p => ("properties", p.Properties, p.Fields)))),
        (1, Call("screen", FreeObject(2).Select(p => ("properties", p, Array.Empty<EventField>())))),
        (1, Call("identify", Traits.Select(t => ("traits", t.Properties, t.Fields)))),
        (1, Group),
        (1, Alias));

    private static Gen<(JsonObject Properties, EventField[] Fields)> TripProperties =>
        from road in Gen.OneOf<string>("M4", "M12", "A7", "A1")
        from entry in Word
        from exit in Word
        from km in Gen.Int[0, 3000]
        from amount in Money
        from currency in Upper3
        from vehicle in Gen.OneOf<string>("1", "2", "3", "car")
        select (new JsonObject
        {
            ["road"] = road, ["entryPoint"] = entry, ["exitPoint"] = exit, ["distanceKm"] = km,
            ["amount"] = amount, ["currency"] = currency, ["vehicleClass"] = vehicle,
        }, new EventField[]
        {
            new("road", FieldKind.Text, true, 50), new("entryPoint", FieldKind.Text, true), new("exitPoint", FieldKind.Text, true),
            new("distanceKm", FieldKind.Money, true), new("amount", FieldKind.Money, true), new("currency", FieldKind.Code, true),
            new("vehicleClass", FieldKind.Text, true, 20),
        });

    private static Gen<(JsonObject Properties, EventField[] Fields)> PageProperties =>
        from path in Word
        from title in Word
        select (new JsonObject { ["url"] = "https://tolls.example/" + Uri.EscapeDataString(path), ["path"] = "/" + path, ["title"] = title },
            new EventField[] { new("url", FieldKind.Url, false), new("title", FieldKind.Text, false, 500) });

    private static Gen<(JsonObject Properties, EventField[] Fields)> CartProperties =>
        from cart in Word
        from sku in Word
        from quantity in Gen.Int[1, 9]
        from price in Money
        from currency in Upper3
        select (new JsonObject
        {
            ["cartId"] = cart,
            ["items"] = new JsonArray(new JsonObject { ["sku"] = sku, ["name"] = "Pass " + sku, ["quantity"] = quantity, ["price"] = price }),
            ["value"] = price * quantity, ["currency"] = currency,
        }, new EventField[]
        {
            new("cartId", FieldKind.Text, true), new("items", FieldKind.Array, true), new("items[0].sku", FieldKind.Text, true),
            new("items[0].name", FieldKind.Text, true), new("items[0].quantity", FieldKind.WholeNumber, true), new("items[0].price", FieldKind.Money, true),
            new("value", FieldKind.Money, true), new("currency", FieldKind.Code, true),
        });

    private static Gen<(JsonObject Properties, EventField[] Fields)> CheckoutProperties =>
        from cart in Word
        from value in Money
        select (new JsonObject { ["cartId"] = cart, ["value"] = value, ["currency"] = "EUR" },
            new EventField[] { new("cartId", FieldKind.Text, true), new("value", FieldKind.Money, false), new("currency", FieldKind.Code, false) });

    private static Gen<(JsonObject Properties, EventField[] Fields)> BookingProperties =>
        from pnr in Gen.String[Gen.Char['A', 'Z'], 6, 6]
        from passenger in Word
        from birth in Day
        from origin in Upper3
        from destination in Upper3
        from departure in Stamp
        from fare in Money
        from cabin in Gen.OneOf<string>("economy", "premium-economy", "business", "first")
        from channel in Gen.OneOf<string>("direct", "agency", "web", "mobile", "call-centre")
        select (new JsonObject
        {
            ["pnr"] = pnr,
            ["passengers"] = new JsonArray(new JsonObject { ["id"] = "pax-" + passenger, ["firstName"] = passenger, ["lastName"] = "Traveller", ["birthDate"] = birth, ["email"] = "pax@example.com" }),
            ["segments"] = new JsonArray(new JsonObject
            {
                ["origin"] = origin, ["destination"] = destination, ["carrier"] = "SU", ["flightNumber"] = "1120",
                ["departure"] = departure, ["cabin"] = cabin, ["fare"] = fare, ["currency"] = "EUR",
            }),
            ["salesChannel"] = channel, ["total"] = fare, ["currency"] = "EUR",
        }, new EventField[]
        {
            new("pnr", FieldKind.Code, true), new("passengers", FieldKind.NonEmptyArray, true), new("passengers[0].id", FieldKind.Text, true),
            new("passengers[0].firstName", FieldKind.Text, true), new("passengers[0].birthDate", FieldKind.Date, false),
            new("passengers[0].email", FieldKind.Email, false), new("segments", FieldKind.NonEmptyArray, true),
            new("segments[0].origin", FieldKind.Code, true), new("segments[0].carrier", FieldKind.Code, true),
            new("segments[0].flightNumber", FieldKind.Code, true), new("segments[0].departure", FieldKind.DateTime, true),
            new("segments[0].cabin", FieldKind.Choice, true), new("segments[0].fare", FieldKind.Money, true),
            new("salesChannel", FieldKind.Choice, true), new("total", FieldKind.Money, true), new("currency", FieldKind.Code, true),
        });

    private static Gen<(JsonObject Properties, EventField[] Fields)> Traits =>
        from name in Word
        from birth in Day
        from extra in FreeObject(2)
        select (Merge(extra, new JsonObject { ["firstName"] = name, ["email"] = "someone@example.com", ["birthDate"] = birth }),
            new EventField[] { new("email", FieldKind.Email, false), new("birthDate", FieldKind.Date, false) });

    private static Gen<ValidEvent> Group =>
        from identity in Identity
        from extras in Extras
        from groupName in Word
        select Build("group", identity, extras, [("groupId", groupName)], [new("groupId", FieldKind.Id, true)]);

    private static Gen<ValidEvent> Alias =>
        from user in Word
        from previous in Word
        from extras in Extras
        select Build("alias", new Identifiers(JsonValue.Create(user), null), extras, [("previousId", previous)],
            [new("previousId", FieldKind.Id, true), new("userId", FieldKind.Id, true)]);

    private sealed record Identifiers(JsonNode? UserId, string? AnonymousId);

    private static Gen<Identifiers> Identity => Gen.Frequency(
        (5, Word.Select(w => new Identifiers(JsonValue.Create(w), null))),
        (2, Word.Select(w => new Identifiers(null, "anon-" + w))),
        (1, Gen.Long[0, long.MaxValue].Select(n => new Identifiers(JsonValue.Create(n), null))),
        (1, Gen.Select(Word, Word, (u, a) => new Identifiers(JsonValue.Create(u), "anon-" + a))));

    /// <summary>Optional envelope fields: timestamps, context, integrations, profile kind.</summary>
    private static Gen<(string Name, JsonNode? Value)[]> Extras => Gen.Select(
        Stamp, Stamp, FreeObject(2), Gen.OneOf<string>("customer", "cashier", "corporate"), Gen.Int[0, 31],
        (timestamp, sentAt, context, kind, mask) => new (string, JsonNode?)[]
        {
            ("timestamp", (mask & 1) != 0 ? timestamp : null),
            ("sentAt", (mask & 2) != 0 ? sentAt : null),
            ("context", (mask & 4) != 0 ? context : null),
            ("profileKind", (mask & 8) != 0 ? kind : null),
            ("integrations", (mask & 16) != 0 ? new JsonObject { ["All"] = true } : null),
        });

    private static readonly EventField[] ExtraFields =
    [
        new("timestamp", FieldKind.DateTime, false), new("sentAt", FieldKind.DateTime, false), new("context", FieldKind.Members, false),
        new("profileKind", FieldKind.Choice, false), new("messageId", FieldKind.Id, false), new("type", FieldKind.Choice, false),
    ];

    private static Gen<ValidEvent> Track(string name, Gen<(JsonObject Properties, EventField[] Fields)> properties) =>
        from identity in Identity
        from extras in Extras
        from props in properties
        select Build("track", identity, extras, [("event", name), ("properties", props.Properties)],
            [new("event", FieldKind.Text, true, 200), new("properties", FieldKind.Members, false), .. Under("properties", props.Fields)]);

    private static Gen<ValidEvent> Call(string type, Gen<(string Member, JsonObject Value, EventField[] Fields)> member) =>
        from identity in Identity
        from extras in Extras
        from m in member
        select Build(type, identity, extras, [(m.Member, m.Value)], [new(m.Member, FieldKind.Members, false), .. Under(m.Member, m.Fields)]);

    private static ValidEvent Build(string type, Identifiers identity, (string Name, JsonNode? Value)[] extras, (string Name, JsonNode? Value)[] members, EventField[] fields)
    {
        var body = new JsonObject { ["type"] = type, ["messageId"] = MessageIdPlaceholder };
        var identityFields = new List<EventField>();
        if (identity.UserId is not null)
        {
            body["userId"] = identity.UserId.DeepClone();
            identityFields.Add(new("userId", FieldKind.Id, identity.AnonymousId is null));
        }
        if (identity.AnonymousId is not null)
        {
            body["anonymousId"] = identity.AnonymousId;
            identityFields.Add(new("anonymousId", FieldKind.Id, false));
        }
        foreach (var (name, value) in extras.Concat(members).Where(m => m.Value is not null))
        {
            body[name] = value!.DeepClone();
        }
        // The event's own list comes first: alias requires userId whatever the identity.
        return new ValidEvent(type, body, [.. fields.Concat(identityFields).Concat(ExtraFields).DistinctBy(f => f.Path)]);
    }

    private static IEnumerable<EventField> Under(string parent, IEnumerable<EventField> fields) =>
        fields.Select(f => f with { Path = parent + "." + f.Path });

    private static JsonObject Merge(JsonObject extra, JsonObject fixedMembers)
    {
        extra.Remove("birthday");
        foreach (var (key, value) in fixedMembers)
        {
            extra[key] = value!.DeepClone();
        }
        return extra;
    }
}
