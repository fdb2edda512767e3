using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Journeys.Engine.Events;

namespace Journeys.Engine.Tests.Events;

/// <summary>Whatever arrives, the parser answers with events or errors and never throws.</summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] Keys =
    [
        "type", "event", "userId", "anonymousId", "previousId", "groupId", "messageId", "timestamp", "sentAt",
        "properties", "traits", "context", "profileKind", "batch", "pnr", "passengers", "segments", "id",
        "birthDate", "departure", "cabin", "total", "currency", "cartId", "items", "quantity", "price", "channel",
    ];

    private static readonly string[] Words =
    [
        "track", "identify", "page", "alias", "group", "Booking Created", "Cart Updated", "Order Completed",
        "Consent Updated", "X7K2QP", "EUR", "SVO", "2025-06-01T08:30:00Z", "1990-04-12", "email", "", "\u0000",
    ];

    private static readonly Gen<JsonNode?> Leaf = Gen.OneOf(
        Gen.Const((JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Double[-1e6, 1e6].Select(d => (JsonNode?)JsonValue.Create(d)),
        Gen.OneOf(Words).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.String.Select(s => (JsonNode?)JsonValue.Create(s)));

    private static Gen<JsonNode?> Node(int depth) => depth == 0
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (2, Node(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
            (4, Gen.Select(Gen.OneOf(Keys), Node(depth - 1)).Array[0, 6].Select(members => (JsonNode?)ToObject(members))));

    private static JsonObject ToObject((string Key, JsonNode? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (key, value) in members)
        {
            result[key] = value;
        }

        return result;
    }

    [Fact]
    public void Random_json_into_a_batch_gives_events_or_errors_and_never_throws()
    {
        Node(4).Sample(node =>
        {
            var result = EventParser.Default.ParseBatch(new JsonObject { ["batch"] = new JsonArray(node) }, TestEvents.Now);
            Assert.True(result.IsValid == (result.Events.Count > 0));
        }, iter: 3000);
    }

    [Fact]
    public void Random_json_into_a_track_call_gives_events_or_errors_and_never_throws()
    {
        Node(4).Sample(node =>
        {
            var result = EventParser.Default.ParseCall(EventType.Track, node, TestEvents.Now);
            Assert.True(result.IsValid == (result.Events.Count == 1));
        }, iter: 3000);
    }

    [Fact]
    public void Random_bytes_give_errors_and_never_throw()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var result = EventParser.Default.ParseBatch(bytes, TestEvents.Now);
            Assert.False(result.IsValid && result.Events.Count == 0);
        }, iter: 3000);
    }

    [Fact]
    public void Deeply_nested_json_is_an_error_not_a_crash()
    {
        var json = "{\"batch\":[" + new string('[', 200) + new string(']', 200) + "]}";

        var result = EventParser.Default.ParseBatch(Encoding.UTF8.GetBytes(json), TestEvents.Now);

        Assert.StartsWith("$: is not valid JSON", Assert.Single(result.Errors).ToString());
    }

    // Found by the HTTP fuzzer (tests/Journeys.EndToEnd.Tests/BadInputFuzzTests): the gateway answered 500.
    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { 0xC0, 0xAF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Invalid_utf8_inside_a_string_is_an_error_at_the_root(byte[] bad)
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"batch\":[{\"type\":\"track\",\"event\":\"X\",\"userId\":\""), .. bad, .. Encoding.UTF8.GetBytes("\"}]}")];

        var result = EventParser.Default.ParseBatch(body, TestEvents.Now);

        Assert.Equal("$: is not valid JSON: the body is not UTF-8 text", Assert.Single(result.Errors).ToString());
    }

    // Found by the HTTP fuzzer: valid JSON, but PostgreSQL's jsonb refuses the text, which failed the whole group commit.
    [Fact]
    public void A_lone_surrogate_escape_is_an_error_naming_its_field()
    {
        var body = Encoding.UTF8.GetBytes("""{"batch":[{"type":"track","event":"X","userId":"u1","context":{"ok":"\ud83d\ude97","note":"a\ud800"}}]}""");

        using var document = System.Text.Json.JsonDocument.Parse(body);

        var fromBytes = EventParser.Default.ParseBatch(body, TestEvents.Now);
        var fromStream = EventParser.Default.ParseBatch(document.RootElement, TestEvents.Now);

        Assert.Equal("$.batch[0].context.note", Assert.Single(fromBytes.Errors).Path);
        Assert.Equal("$.batch[0].context.note", Assert.Single(fromStream.Errors).Path);
    }
}
