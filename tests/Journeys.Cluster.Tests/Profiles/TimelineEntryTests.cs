using System.Text.Json;
using Journeys.Engine;
using Journeys.Engine.Journeys;
using Journeys.Grains.Profiles;

namespace Journeys.Cluster.Tests.Profiles;

public sealed class TimelineEntryTests
{
    [Fact]
    public void A_popup_is_kept_on_the_timeline_with_its_context_and_without_its_template_text()
    {
        var popup = new ShowPopup
        {
            Template = new MessageTemplate { Id = "welcome-back", Subject = "Welcome back", Body = "<p>A long body {{ context.road }}</p>" },
            Context = JsonDocument.Parse("""{"road":"M12"}""").RootElement,
            JourneyId = "return-visit",
            NodeId = "popup",
        };

        var json = TimelineEntry.CommandJsonOf(popup);

        Assert.Contains("\"road\":\"M12\"", json, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"welcome-back\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Welcome back", json, StringComparison.Ordinal);
        Assert.DoesNotContain("A long body", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_is_kept_without_what_its_entry_holds()
    {
        var points = new AwardPoints
        {
            Points = 250, Reason = "gold", ProfileId = "p-1", JourneyId = "tiers", Version = 3, InstanceId = "tiers:m-1", NodeId = "award", DedupeKey = "p-1/tiers/v3/tiers:m-1/award/1",
        };

        var json = System.Text.Json.Nodes.JsonNode.Parse(TimelineEntry.CommandJsonOf(points))!.AsObject();

        Assert.Equal(["instanceId", "points", "reason", "type"], json.Select(p => p.Key).Order());
        Assert.Equal(250, (int)json["points"]!);
    }
}
