using System.Text.Json;
using Journeys.Contracts.Journeys;
using Journeys.Engine;
using Journeys.Engine.Analytics;
using Journeys.Engine.Journeys;
using Journeys.Gateway.Dashboards.Figures;
using Journeys.Storage.Outbox;
using Journeys.Storage.Stats;

namespace Journeys.Gateway.Dashboards;

/// <summary>
/// Turns a journey's stored counters into what the dashboards show. Counters are summed over versions by
/// node id and drawn on the newest version's graph (the draft's while nothing is published). Message
/// figures also need the journey's outbox outcomes, read only for the list and the results page.
/// </summary>
internal sealed class JourneyFigures
{
    private readonly JourneySummary summary;
    private readonly JourneyDefinition? definition;
    private readonly IReadOnlyList<JourneyEdge> edges;
    private readonly IReadOnlyList<NodeFigures> nodes;

    public JourneyFigures(JourneyDetail detail, IReadOnlyList<NodeStatDelta> stats, IReadOnlyList<NodeOutcomeDelta> outcomes)
    {
        summary = detail.Summary;
        var json = detail.Versions.Count > 0 ? detail.Versions[^1].DefinitionJson : detail.DraftJson;
        definition = json is null ? null : JourneyParser.Parse(json).Definition;
        edges = definition is null ? [] : JourneyGraph.Edges(definition);
        var totals = stats.GroupBy(s => s.NodeId).ToDictionary(g => g.Key, g => g.Aggregate((a, b) => a.Plus(b) with { Version = 0 }));
        var breakdowns = outcomes.GroupBy(o => (o.NodeId, o.Counter))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.GroupBy(o => o.Outcome).ToDictionary(o => o.Key, o => o.Sum(x => x.Count)));
        nodes = definition is null ? [] : [.. definition.Nodes.Select(node => Node(node, totals.GetValueOrDefault(node.Id), breakdowns))];
        ConversionsByGroup = breakdowns.Where(b => b.Key.Counter == OutcomeCounters.Converted)
            .SelectMany(b => b.Value)
            .GroupBy(o => o.Key)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Value));
    }

    private IReadOnlyDictionary<string, long> ConversionsByGroup { get; }

    /// <summary>Journey entries: entries into the first node less the passes that came back to it through an arrow.</summary>
    public long Entered => definition is null
        ? 0
        : Find(definition.Trigger.Next)?.Entered - edges.Where(e => e.To == definition.Trigger.Next).Sum(EdgeCount) ?? 0;

    public JourneyRow Row(IReadOnlyList<OutboxOutcome> outbox)
    {
        var messages = Messages(outbox);
        return new(
            summary.JourneyId,
            summary.Name,
            summary.Status,
            summary.PublishedVersion,
            summary.HasDraft,
            Entered,
            InProgress: nodes.Sum(n => n.Waiting),
            Converted: nodes.Sum(n => n.Converted),
            MessagesRequested: messages.Sum(m => m.Requested),
            MessagesSent: messages.Sum(m => m.Sent));
    }

    public JourneyLiveFigures Live() => new(
        summary.JourneyId,
        summary.Name,
        summary.Status,
        summary.PublishedVersion,
        definition?.Trigger.Next ?? string.Empty,
        Entered,
        nodes,
        [.. edges.Select(e => new EdgeFigures(e.From, e.To, e.Outcome ?? e.Property, EdgeCount(e)))]);

    public JourneyResults Results(IReadOnlyList<OutboxOutcome> outbox) => new(
        summary.JourneyId,
        summary.Name,
        summary.PublishedVersion,
        Entered,
        Conversions: ConversionsByGroup.Values.Sum(),
        ConversionsOutsideGroups: ConversionsByGroup.GetValueOrDefault(OutcomeCounters.NoGroup),
        Messages(outbox),
        Holdout());

    private List<MessageFigures> Messages(IReadOnlyList<OutboxOutcome> outbox) =>
        definition is null
            ? []
            : [.. definition.Nodes.OfType<MessageNode>().Select(m => MessageFigures.Of(m, Find(m.Id)!, [.. outbox.Where(o => o.NodeId == m.Id)]))];

    private HoldoutResult? Holdout()
    {
        if (definition?.Nodes.OfType<HoldoutNode>().FirstOrDefault() is not { } holdout || Find(holdout.Id) is not { } node)
        {
            return null;
        }

        long treatment = node.Exits.GetValueOrDefault(OutcomeCounters.Treatment), control = node.Exits.GetValueOrDefault(OutcomeCounters.Control);
        long treated = ConversionsByGroup.GetValueOrDefault(OutcomeCounters.Treatment), held = ConversionsByGroup.GetValueOrDefault(OutcomeCounters.Control);
        return new(holdout.Id, holdout.Percent, treatment, treated, control, held, ConversionComparison.Of(treated, treatment, held, control));
    }

    private NodeFigures? Find(string nodeId) => nodes.FirstOrDefault(n => n.NodeId == nodeId);

    private long EdgeCount(JourneyEdge edge) =>
        JourneyGraph.Count(edge, Find(edge.From)?.Exits ?? new Dictionary<string, long>(), edges);

    private static NodeFigures Node(JourneyNode node, NodeStatDelta? total, Dictionary<(string, string), IReadOnlyDictionary<string, long>> breakdowns)
    {
        total ??= new NodeStatDelta(string.Empty, 0, node.Id);
        return new NodeFigures(
            node.Id,
            JsonSerializer.SerializeToElement(node, EngineJson.Options).GetProperty("type").GetString()!,
            total.Entered,
            total.Passed,
            total.Exited,
            total.Converted,
            total.Suppressed,
            total.Waiting,
            breakdowns.GetValueOrDefault((node.Id, OutcomeCounters.Exit)) ?? new Dictionary<string, long>(),
            breakdowns.GetValueOrDefault((node.Id, OutcomeCounters.Suppressed)) ?? new Dictionary<string, long>());
    }
}
