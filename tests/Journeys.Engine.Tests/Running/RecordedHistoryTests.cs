using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Journeys;
using Journeys.Engine.Running;
using static Journeys.Engine.Tests.TestData;

namespace Journeys.Engine.Tests.Running;

public sealed class RecordedHistoryTests
{
    private static EventEnvelope Recorded(string name, DateTimeOffset at, JsonObject properties)
    {
        var call = new JsonObject { ["userId"] = "driver", ["event"] = name, ["properties"] = properties, ["timestamp"] = at.ToString("O") };
        return Assert.Single(EventParser.Default.ParseCall(EventType.Track, call, at).Events);
    }

    private static EventEnvelope Trip(DateTimeOffset at, string road) => Recorded("Trip Completed", at, new JsonObject
    {
        ["road"] = road, ["entryPoint"] = "Moscow", ["exitPoint"] = "Vladimir", ["distanceKm"] = 180, ["amount"] = 900, ["currency"] = "RUB", ["vehicleClass"] = "1",
    });

    private static EventEnvelope EmailConsent(DateTimeOffset at) => Recorded("Consent Updated", at, new JsonObject { ["channel"] = "email", ["granted"] = true });

    [Fact]
    public void Each_replayed_event_sees_the_computed_properties_as_they_stood_after_it()
    {
        var journey = SampleJourneys.Load("toll-route-promotion");
        var recorded = new[] { EmailConsent(Monday9Utc), Trip(Monday9Utc.AddHours(1), "M7"), Trip(Monday9Utc.AddDays(2), "M7") };

        var replay = RecordedHistory.Replay(ProfileKind.Customer, "driver", recorded, ["routes"], Monday9Utc);
        var run = JourneyDryRun.Run(journey, replay.Profile, replay.Inputs, Monday9Utc, Monday9Utc.AddDays(10));

        Assert.Equal([Monday9Utc.AddDays(2)], run.Commands.Where(c => c.Command is SendMessage).Select(c => c.At));
    }

    [Fact]
    public void Events_before_the_start_become_history_and_the_starting_profile()
    {
        var recorded = new[] { EmailConsent(Monday9Utc.AddDays(-400)), Trip(Monday9Utc.AddDays(-300), "M4"), Trip(Monday9Utc.AddDays(1), "M4") };

        var replay = RecordedHistory.Replay(ProfileKind.Customer, "driver", recorded, ["trips"], Monday9Utc);

        Assert.Equal(["Trip Completed"], replay.Profile.History.Select(e => e.Name));
        Assert.True(replay.Profile.HasConsent(Channel.Email, "trips"));
        Assert.Equal(2, Assert.Single(replay.Inputs).Profile!.Computed.GetProperty("trips").GetInt32());
    }
}
