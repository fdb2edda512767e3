using System.Text;
using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Tests.Events;

public sealed class SingleCallParsingTests
{
    private static readonly DateTimeOffset Received = TestEvents.Now;

    private static ParseResult Parse(EventType type, string json) =>
        TestEvents.Parser.ParseCall(type, Encoding.UTF8.GetBytes(json), Received);

    private static string ErrorsOf(ParseResult result) => string.Join("\n", result.Errors);

    [Fact]
    public void A_track_call_keeps_every_envelope_field()
    {
        var result = Parse(EventType.Track, """
            {"messageId":"m-1","event":"Signed Up","userId":"u1","anonymousId":"a1",
             "timestamp":"2025-05-31T10:00:00Z","sentAt":"2025-05-31T10:00:05Z","profileKind":"cashier",
             "properties":{"plan":"gold"},"context":{"ip":"1.2.3.4"},"integrations":{"All":true}}
            """);

        var e = Assert.Single(result.Events);
        Assert.Equal("m-1", e.MessageId);
        Assert.False(e.MessageIdGenerated);
        Assert.Equal(EventType.Track, e.Type);
        Assert.Equal("Signed Up", e.Event);
        Assert.Equal("u1", e.ProfileId);
        Assert.Equal(ProfileKind.Cashier, e.ProfileKind);
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 10, 0, 0, TimeSpan.Zero), e.Timestamp);
        Assert.Equal(new DateTimeOffset(2025, 5, 31, 10, 0, 5, TimeSpan.Zero), e.SentAt);
        Assert.Equal(Received, e.ReceivedAt);
        Assert.Equal("gold", (string?)e.Properties["plan"]);
        Assert.Equal("1.2.3.4", (string?)e.Context["ip"]);
        Assert.Null(e.Typed);
    }

    [Fact]
    public void A_missing_timestamp_defaults_to_the_receive_time()
    {
        var e = Assert.Single(Parse(EventType.Track, """{"event":"X","userId":"u1"}""").Events);

        Assert.Equal(Received, e.Timestamp);
    }

    [Fact]
    public void A_missing_message_id_is_generated_and_flagged()
    {
        var e = Assert.Single(Parse(EventType.Track, """{"event":"X","userId":"u1"}""").Events);

        Assert.True(e.MessageIdGenerated);
        Assert.Equal(new Guid(1, 2, 3, new byte[8]).ToString(), e.MessageId);
    }

    [Fact]
    public void The_profile_kind_defaults_to_customer()
    {
        var e = Assert.Single(Parse(EventType.Identify, """{"userId":"u1","traits":{"name":"Anna"}}""").Events);

        Assert.Equal(ProfileKind.Customer, e.ProfileKind);
    }

    [Fact]
    public void A_numeric_user_id_is_kept_as_its_text()
    {
        var e = Assert.Single(Parse(EventType.Identify, """{"userId":12345}""").Events);

        Assert.Equal("12345", e.UserId);
    }

    [Theory]
    [InlineData(EventType.Track, """{"event":"X"}""", "$.userId: is required when anonymousId is absent")]
    [InlineData(EventType.Track, """{"userId":"u1"}""", "$.event: is required")]
    [InlineData(EventType.Track, """{"event":"","userId":"u1"}""", "$.event: must not be empty")]
    [InlineData(EventType.Track, """{"event":"X","userId":["u1"]}""", "$.userId: must be a string")]
    [InlineData(EventType.Alias, """{"userId":"u1"}""", "$.previousId: is required for alias")]
    [InlineData(EventType.Alias, """{"previousId":"a1","anonymousId":"a2"}""", "$.userId: is required for alias")]
    [InlineData(EventType.Group, """{"userId":"u1"}""", "$.groupId: is required for group")]
    [InlineData(EventType.Track, """{"event":"X","userId":"u1","timestamp":"yesterday"}""", "$.timestamp: must be an ISO 8601 date-time with an offset (e.g. 2025-06-01T08:30:00Z)")]
    [InlineData(EventType.Track, """{"event":"X","userId":"u1","timestamp":"2025-06-01T08:30:00"}""", "$.timestamp: must be an ISO 8601 date-time with an offset (e.g. 2025-06-01T08:30:00Z)")]
    [InlineData(EventType.Track, """{"event":"X","userId":"u1","profileKind":"robot"}""", "$.profileKind: must be one of: customer, cashier, corporate")]
    [InlineData(EventType.Track, """{"event":"X","userId":"u1","properties":[1]}""", "$.properties: must be an object")]
    [InlineData(EventType.Track, """{"event":"X","userId":"u1","type":"identify"}""", "$.type: must be \"track\" when posted to /v1/track")]
    [InlineData(EventType.Identify, """{"userId":"u1","traits":{"birthday":"12/04/1990"}}""", "$.traits.birthday: must be a date (YYYY-MM-DD)")]
    [InlineData(EventType.Identify, """{"userId":"u1","traits":{"email":"anna"}}""", "$.traits.email: must be an e-mail address")]
    [InlineData(EventType.Track, """[]""", "$: must be an object")]
    public void Each_bad_field_is_reported_at_its_json_path(EventType type, string json, string expected)
    {
        var result = Parse(type, json);

        Assert.Empty(result.Events);
        Assert.Contains(expected, result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_catalogued_event_with_bad_properties_reports_each_of_them()
    {
        var result = Parse(EventType.Track, """
            {"event":"Cart Updated","userId":"u1",
             "properties":{"items":[{"sku":"P1","name":"Pass","quantity":0,"price":-1}],"value":"10","currency":"eur"}}
            """);

        Assert.Equal(
            [
                "$.properties.cartId: is required",
                "$.properties.items[0].quantity: must be an integer >= 1",
                "$.properties.items[0].price: must be a number >= 0",
                "$.properties.value: must be a number >= 0",
                "$.properties.currency: must be a 3-letter ISO 4217 currency code in capitals (e.g. EUR)",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void A_custom_event_accepts_free_form_properties()
    {
        var e = Assert.Single(Parse(EventType.Track, """{"event":"Wishlist Shared","userId":"u1","properties":{"any":[1,{"x":null}]}}""").Events);

        Assert.Null(e.Typed);
        Assert.NotNull(e.Properties["any"]);
    }

    [Fact]
    public void A_page_call_is_validated_as_a_page_view()
    {
        var ok = Assert.Single(Parse(EventType.Page, """{"anonymousId":"a1","name":"Home","properties":{"url":"https://example.com/"}}""").Events);
        var bad = Parse(EventType.Page, """{"anonymousId":"a1","properties":{"url":"not a url"}}""");

        Assert.Equal(new PageViewed("https://example.com/", null, null, null), ok.Typed);
        Assert.Equal("$.properties.url: must be an absolute http(s) URL", Assert.Single(bad.Errors).ToString());
    }

    [Fact]
    public void Malformed_json_is_an_error_at_the_root()
    {
        var result = Parse(EventType.Track, "{\"event\":");

        Assert.StartsWith("$: is not valid JSON", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void An_event_over_32_kilobytes_is_refused()
    {
        var body = new JsonObject { ["event"] = "X", ["userId"] = "u1", ["properties"] = new JsonObject { ["blob"] = new string('x', EventLimits.MaxEventBytes) } };

        var result = TestEvents.Parser.ParseCall(EventType.Track, body, Received);

        Assert.StartsWith("$: is ", Assert.Single(result.Errors).ToString());
        Assert.Contains("32768-byte limit", ErrorsOf(result));
    }

    [Fact]
    public void Parsed_json_objects_outlive_the_request_buffer()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"event":"X","userId":"u1","properties":{"a":{"b":1}}}""");
        var e = Assert.Single(TestEvents.Parser.ParseCall(EventType.Track, bytes, Received).Events);
        Array.Clear(bytes);

        Assert.Equal(1, (int?)e.Properties["a"]?["b"]);
    }
}
