using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Contracts.Journeys;
using Journeys.Engine;
using Journeys.Engine.Journeys;
using Journeys.Storage.Stats;

namespace Journeys.Gateway.Journeys;

/// <summary>The management API's JSON shapes.</summary>
internal static class JourneyJson
{
    /// <summary>A journey's summary; with its counters, totals that add up every node of every version.</summary>
    public static JsonObject Summary(JourneySummary summary, IReadOnlyList<NodeStatDelta>? stats = null)
    {
        var json = new JsonObject
        {
            ["id"] = summary.JourneyId,
            ["name"] = summary.Name,
            ["status"] = summary.Status,
            ["publishedVersion"] = summary.PublishedVersion,
            ["hasDraft"] = summary.HasDraft,
            ["updatedAt"] = summary.UpdatedAt,
        };
        if (stats is not null)
        {
            json["totals"] = Totals(stats);
        }
        return json;
    }

    public static JsonObject Detail(JourneyDetail detail, IReadOnlyList<NodeStatDelta> stats)
    {
        var json = Summary(detail.Summary, stats);
        json["draft"] = detail.DraftJson is null ? null : JsonNode.Parse(detail.DraftJson);
        json["versions"] = new JsonArray([.. detail.Versions.Select(Version)]);
        json["nodes"] = new JsonArray([.. stats.Select(Node)]);
        return json;
    }

    public static JsonObject DryRun(string journeyId, int version, bool draft, DryRunRequest request, DryRunResult result) => new()
    {
        ["journeyId"] = journeyId,
        ["version"] = version,
        ["draft"] = draft,
        ["from"] = request.From,
        ["to"] = request.To,
        ["path"] = JsonSerializer.SerializeToNode(result.Path, EngineJson.Options),
        ["commands"] = JsonSerializer.SerializeToNode(result.Commands, EngineJson.Options),
        ["instances"] = JsonSerializer.SerializeToNode(result.Instances, EngineJson.Options),
    };

    private static JsonObject Version(PublishedJourneyVersion version) => new()
    {
        ["version"] = version.Version,
        ["publishedAt"] = version.PublishedAt,
        ["inFlight"] = version.InFlight,
        ["nodeMapping"] = version.NodeMapping is null
            ? null
            : new JsonObject(version.NodeMapping.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => KeyValuePair.Create(m.Key, (JsonNode?)m.Value))),
        ["definition"] = JsonNode.Parse(version.DefinitionJson),
    };

    private static JsonObject Node(NodeStatDelta row) => Counters(row, new JsonObject { ["version"] = row.Version, ["nodeId"] = row.NodeId });

    private static JsonObject Totals(IReadOnlyList<NodeStatDelta> stats) => Counters(
        stats.Aggregate(new NodeStatDelta(string.Empty, 0, string.Empty), (sum, row) => sum.Plus(row)),
        []);

    private static JsonObject Counters(NodeStatDelta row, JsonObject json)
    {
        json["entered"] = row.Entered;
        json["passed"] = row.Passed;
        json["exited"] = row.Exited;
        json["converted"] = row.Converted;
        json["suppressed"] = row.Suppressed;
        json["waiting"] = row.Waiting;
        return json;
    }
}
