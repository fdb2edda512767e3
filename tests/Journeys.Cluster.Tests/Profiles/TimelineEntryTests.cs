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
    public void Commands_without_a_template_are_kept_whole()
    {
        var points = new AwardPoints { Points = 250, Reason = "gold", JourneyId = "tiers", NodeId = "award" };

        Assert.Equal(JsonSerializer.Serialize<JourneyCommand>(points, EngineJson.Options), TimelineEntry.CommandJsonOf(points));
    }
}
