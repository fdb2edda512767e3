using System.Text.Json.Nodes;
using Journeys.Benchmarks.Cluster;

namespace Journeys.Benchmarks.Popups;

/// <summary>
/// The journey under measurement: every <see cref="Trigger"/> event shows a popup whose title is the
/// event's sequence number, so the visitor can tell which send it answers.
/// </summary>
public static class PopupJourney
{
    public const string Trigger = "Benchmark Ping";
    private const string Id = "benchmark-popup";

    public static Task PublishAsync(BenchmarkCluster cluster) => cluster.PublishAsync(new JsonObject
    {
        ["id"] = Id,
        ["version"] = 1,
        ["name"] = "Popup per ping",
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = Trigger, ["next"] = "popup" },
        ["entry"] = new JsonObject { ["mode"] = "always" },
        ["nodes"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "popup", ["type"] = "popup", ["expiresAfter"] = "PT10M", ["next"] = "done",
                ["template"] = new JsonObject { ["subject"] = "{{ context.n }}", ["body"] = "<p>Ping {{ context.n }}</p>" },
            },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    });
}
