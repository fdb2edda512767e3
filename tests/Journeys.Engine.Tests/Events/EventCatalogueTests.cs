using System.Text;
using System.Text.RegularExpressions;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Tests.Events;

/// <summary>The examples in docs/events.md are the catalogue's valid examples, so the docs cannot drift.</summary>
public sealed partial class EventCatalogueTests
{
    public static TheoryData<string> DocumentedExamples() => new(Examples().Select(e => e.Json));

    [Theory]
    [MemberData(nameof(DocumentedExamples))]
    public void Each_documented_example_is_a_valid_event(string json)
    {
        var result = TestEvents.Parser.ParseBatch(Encoding.UTF8.GetBytes($$"""{"batch":[{{json}}]}"""), TestEvents.Now);

        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        var e = Assert.Single(result.Events);
        Assert.True(e.Event is null || !EventCatalogue.Default.IsCatalogued(e.Event) || e.Typed is not null);
    }

    [Fact]
    public void Every_catalogued_event_has_a_documented_example()
    {
        var documented = Examples().Select(e => e.Name).ToHashSet();

        Assert.All(EventCatalogue.Default.Names, name => Assert.Contains(name, documented));
    }

    [Fact]
    public void The_booking_example_reads_into_typed_properties()
    {
        var json = Examples().First(e => e.Name == EventNames.BookingCreated).Json;

        var e = Assert.Single(TestEvents.Parser.ParseBatch(Encoding.UTF8.GetBytes($$"""{"batch":[{{json}}]}"""), TestEvents.Now).Events);

        var booking = Assert.IsType<BookingCreated>(e.Typed).Booking;
        Assert.Equal("X7K2QP", booking.Pnr);
        Assert.Equal(["cust-1001", "cust-1002"], booking.Passengers.Select(p => p.Id));
        Assert.Equal(new DateOnly(1990, 4, 12), booking.Passengers[0].BirthDate);
        Assert.Equal(SalesChannel.Agency, booking.SalesChannel);
        Assert.Equal(CabinClass.Economy, booking.Segments[0].Cabin);
        Assert.Equal(new DateTimeOffset(2025, 7, 1, 5, 30, 0, TimeSpan.Zero), booking.Segments[0].Departure);
        Assert.Equal(480.00m, booking.Total);
    }

    [Theory]
    [InlineData("Booking Created", """{"pnr":"x"}""", "$.properties.pnr: must be a record locator of 5 to 8 capital letters or digits (e.g. X7K2QP)")]
    [InlineData("Booking Created", """{}""", "$.properties.passengers: is required")]
    [InlineData("Booking Created", """{"passengers":[]}""", "$.properties.passengers: must be an array of at least 1 item(s)")]
    [InlineData("Booking Created", """{"passengers":["p1"]}""", "$.properties.passengers[0]: must be an object")]
    [InlineData("Booking Created", """{"passengers":[{"id":"p1"}]}""", "$.properties.passengers[0].firstName: is required")]
    [InlineData("Booking Created", """{"passengers":[{"email":"no"}]}""", "$.properties.passengers[0].email: must be an e-mail address")]
    [InlineData("Booking Created", """{"segments":[{"carrier":"AFR"}]}""", "$.properties.segments[0].carrier: must be a 2-character IATA airline designator (e.g. AF)")]
    [InlineData("Booking Created", """{"segments":[{"flightNumber":"SU1120"}]}""", "$.properties.segments[0].flightNumber: must be 1 to 4 digits with an optional letter suffix (e.g. 1234)")]
    [InlineData("Booking Created", """{"segments":[{"departure":"2025-07-01"}]}""", "$.properties.segments[0].departure: must be an ISO 8601 date-time with an offset (e.g. 2025-06-01T08:30:00Z)")]
    [InlineData("Booking Created", """{"segments":[{"cabin":"coach"}]}""", "$.properties.segments[0].cabin: must be one of: economy, premium-economy, business, first")]
    [InlineData("Booking Created", """{"total":-5}""", "$.properties.total: must be a number >= 0")]
    [InlineData("Booking Changed", """{"previousTotal":"1"}""", "$.properties.previousTotal: must be a number >= 0")]
    [InlineData("Ticket Issued", """{"ticketNumber":"555-2401234567"}""", "$.properties.ticketNumber: must be a 13-digit ticket number")]
    [InlineData("Flight Flown", """{"origin":"Sheremetyevo"}""", "$.properties.origin: must be a 3-letter IATA airport code in capitals (e.g. CDG)")]
    [InlineData("Trip Completed", """{"distanceKm":"far"}""", "$.properties.distanceKm: must be a number >= 0")]
    [InlineData("Cart Updated", """{"items":{}}""", "$.properties.items: must be an array")]
    [InlineData("Checkout Started", """{"cartId":"c","value":3}""", "$.properties.currency: is required")]
    [InlineData("Order Completed", """{"items":[]}""", "$.properties.items: must be an array of at least 1 item(s)")]
    [InlineData("Pass Subscription Purchased", """{"formula":"global"}""", "$.properties.formula: must be one of: local, regional, national")]
    [InlineData("Pass Subscription Purchased", """{"segment":"business"}""", "$.properties.segment: must be one of: private, professional")]
    [InlineData("Message Clicked", """{"deliveryId":"d","channel":"email"}""", "$.properties.url: is required")]
    [InlineData("Message Opened", """{"channel":"fax"}""", "$.properties.channel: must be one of: email, sms, push, telegram, popup")]
    [InlineData("Message Bounced", """{"channel":"email"}""", "$.properties.address: is required")]
    [InlineData("Message Bounced", """{"channel":"email","address":"a@b.example","bounceType":"permanent"}""", "$.properties.bounceType: must be one of: hard, soft")]
    [InlineData("Popup Shown", """{"popupId":"p"}""", "$.properties.journeyId: is required")]
    [InlineData("Consent Updated", """{"granted":true}""", "$.properties.channel: is required when topic is absent")]
    [InlineData("Consent Updated", """{"channel":"sms","granted":"yes"}""", "$.properties.granted: must be true or false")]
    public void Each_bad_catalogued_property_is_reported_at_its_json_path(string name, string properties, string expected)
    {
        var json = $$"""{"event":"{{name}}","userId":"u1","properties":{{properties}}}""";

        var result = TestEvents.Parser.ParseCall(EventType.Track, Encoding.UTF8.GetBytes(json), TestEvents.Now);

        Assert.Empty(result.Events);
        Assert.Contains(expected, result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Event_names_are_matched_exactly_so_other_spellings_are_custom_events()
    {
        var e = TestEvents.Track("booking created", new { anything = 1 });

        Assert.Null(e.Typed);
    }

    private static IEnumerable<(string Name, string Json)> Examples()
    {
        var markdown = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "events.md"));
        return JsonBlock().Matches(markdown)
            .Select(m => m.Groups["json"].Value)
            .Select(json => (EventName().Match(json).Groups["name"].Value, json));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Journeys.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Journeys.sln not found above the test binaries.");
        }

        return directory.FullName;
    }

    [GeneratedRegex("```json\\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("\"event\": \"(?<name>[^\"]+)\"")]
    private static partial Regex EventName();
}
