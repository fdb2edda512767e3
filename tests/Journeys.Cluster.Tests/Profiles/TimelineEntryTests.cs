using Journeys.Storage.Outbox;
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

    [Fact]
    public void Trimming_keeps_the_newest_entries_and_the_messages_sent_within_the_caps_window()
    {
        var now = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
        List<TimelineEntry> timeline =
        [
            Entry("old-email", "email", now.AddDays(-40)),
            Entry("recent-email", "email", now.AddDays(-10)),
            Entry("recent-webhook", "webhook", now.AddDays(-9)),
            .. Enumerable.Range(0, 150).Select(i => Entry($"popup-{i}", "popup", now.AddDays(-8).AddMinutes(i))),
        ];

        TimelineEntry.Trim(timeline, kept: 100, since: now - TimelineEntry.CapWindow, sendsKept: 200);

        Assert.Equal(["recent-email", "recent-webhook", .. Enumerable.Range(50, 100).Select(i => $"popup-{i}")], timeline.Select(t => t.DedupeKey));
    }

    [Fact]
    public void Trimming_keeps_at_most_the_given_number_of_older_messages()
    {
        var now = new DateTimeOffset(2026, 6, 30, 12, 0, 0, TimeSpan.Zero);
        var timeline = Enumerable.Range(0, 10).Select(i => Entry($"email-{i}", "email", now.AddHours(-10 + i))).ToList();

        TimelineEntry.Trim(timeline, kept: 4, since: now - TimelineEntry.CapWindow, sendsKept: 3);

        Assert.Equal(["email-3", "email-4", "email-5", "email-6", "email-7", "email-8", "email-9"], timeline.Select(t => t.DedupeKey));
    }

    private static TimelineEntry Entry(string dedupeKey, string channel, DateTimeOffset at) =>
        new(at, channel == "popup" ? "showPopup" : "sendMessage", "j", 1, "n", dedupeKey, channel, OutboxStatus.Sent, "{}");
}
