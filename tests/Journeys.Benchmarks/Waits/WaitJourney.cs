using System.Text.Json.Nodes;
using Journeys.Benchmarks.Cluster;

namespace Journeys.Benchmarks.Waits;

/// <summary>
/// The journey under measurement: a <see cref="Trigger"/> event parks the profile until the time in
/// its <c>dueAt</c> property, then a webhook step queues an outbox row (its creation time is when the
/// step ran) and the instance ends.
/// </summary>
public static class WaitJourney
{
    public const string Trigger = "Benchmark Wait";
    public const string Id = "benchmark-wait";
    public const string WaitNode = "wait";
    public const string StepNode = "call";

    public static Task PublishAsync(BenchmarkCluster cluster) => cluster.PublishAsync(new JsonObject
    {
        ["id"] = Id,
        ["version"] = 1,
        ["name"] = "Wait until dueAt, then call a webhook",
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = Trigger, ["next"] = WaitNode },
        ["entry"] = new JsonObject { ["mode"] = "always" },
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = WaitNode, ["type"] = "waitUntilDate", ["dateField"] = "event.properties.dueAt", ["next"] = StepNode },
            // Nothing listens there: the silos run without a dispatcher, the outbox row is the measurement.
            new JsonObject { ["id"] = StepNode, ["type"] = "webhook", ["url"] = "http://127.0.0.1:9/due", ["method"] = "POST", ["next"] = "done" },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    });
}
