using System.Text;
using Journeys.Engine.Events;

namespace Journeys.Engine.Tests.Events;

public sealed class BatchParsingTests
{
    private static ParseResult Parse(string json) =>
        TestEvents.Parser.ParseBatch(Encoding.UTF8.GetBytes(json), TestEvents.Now);

    [Fact]
    public void A_valid_batch_yields_every_event_in_order()
    {
        var result = Parse("""
            {"batch":[
              {"type":"identify","userId":"u1","traits":{"email":"a@b.co"}},
              {"type":"track","event":"X","userId":"u1"},
              {"type":"page","anonymousId":"a1"},
              {"type":"screen","anonymousId":"a1","name":"Home"},
              {"type":"alias","previousId":"a1","userId":"u1"},
              {"type":"group","userId":"u1","groupId":"g1","traits":{"name":"ACME"}}
            ]}
            """);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        Assert.Equal(
            [EventType.Identify, EventType.Track, EventType.Page, EventType.Screen, EventType.Alias, EventType.Group],
            result.Events.Select(e => e.Type));
    }

    [Fact]
    public void A_batch_with_one_bad_event_is_rejected_whole_with_every_error()
    {
        var result = Parse("""
            {"batch":[
              {"type":"track","event":"X","userId":"u1"},
              {"type":"track","userId":"u1"},
              {"type":"track","event":"X","userId":"u1"},
              {"type":"track","event":"Booking Created","userId":"u1","properties":{"pnr":"X7K2QP",
                "passengers":[{"id":"p1","firstName":"Anna","lastName":"Petrova","birthDate":"12.04.1990"}],
                "segments":[{"origin":"SVO","destination":"aer","carrier":"SU","flightNumber":"1120",
                  "departure":"2025-07-01T08:30:00+03:00","cabin":"economy","fare":100,"currency":"EUR"}],
                "salesChannel":"kiosk","total":100,"currency":"EUR"}},
              {"type":"shout","userId":"u1"}
            ]}
            """);

        Assert.Empty(result.Events);
        Assert.Equal(
            [
                "$.batch[1].event: is required",
                "$.batch[3].properties.passengers[0].birthDate: must be a date (YYYY-MM-DD)",
                "$.batch[3].properties.segments[0].destination: must be a 3-letter IATA airport code in capitals (e.g. CDG)",
                "$.batch[3].properties.salesChannel: must be one of: direct, agency, web, mobile, call-centre",
                "$.batch[4].type: must be one of: track, identify, page, screen, alias, group",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Batch_context_is_merged_under_each_event_context()
    {
        var result = Parse("""
            {"context":{"library":{"name":"analytics-node","version":"1"},"locale":"fr-FR"},
             "batch":[
              {"type":"track","event":"X","userId":"u1","context":{"library":{"version":"2"},"ip":"1.2.3.4"}},
              {"type":"track","event":"Y","userId":"u1"}
            ]}
            """);

        var first = result.Events[0].Context;
        Assert.Equal("analytics-node", (string?)first["library"]?["name"]);
        Assert.Equal("2", (string?)first["library"]?["version"]);
        Assert.Equal("fr-FR", (string?)first["locale"]);
        Assert.Equal("1.2.3.4", (string?)first["ip"]);
        Assert.Equal("1", (string?)result.Events[1].Context["library"]?["version"]);
    }

    [Fact]
    public void Batch_sent_at_applies_to_events_without_their_own()
    {
        var result = Parse("""
            {"sentAt":"2025-06-01T11:59:00Z","batch":[
              {"type":"track","event":"X","userId":"u1"},
              {"type":"track","event":"X","userId":"u1","sentAt":"2025-06-01T11:00:00Z"}
            ]}
            """);

        Assert.Equal(new DateTimeOffset(2025, 6, 1, 11, 59, 0, TimeSpan.Zero), result.Events[0].SentAt);
        Assert.Equal(new DateTimeOffset(2025, 6, 1, 11, 0, 0, TimeSpan.Zero), result.Events[1].SentAt);
    }

    [Theory]
    [InlineData("""{"batch":[]}""", "$.batch: must be an array of at least 1 event")]
    [InlineData("""{"events":[]}""", "$.batch: must be an array of at least 1 event")]
    [InlineData("""[{"type":"track"}]""", "$: must be an object with a \"batch\" array")]
    [InlineData("""{"batch":[42]}""", "$.batch[0]: must be an object")]
    [InlineData("""{"context":"x","batch":[{"type":"track","event":"X","userId":"u1"}]}""", "$.context: must be an object")]
    public void A_malformed_batch_names_the_bad_part(string json, string expected)
    {
        var result = Parse(json);

        Assert.Empty(result.Events);
        Assert.Contains(expected, result.Errors.Select(e => e.ToString()));
    }
}
