using Journeys.Engine.Journeys;
using Journeys.Storage.Outbox;

namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>
/// A message node's sends and what became of them. <see cref="Requested"/> counts the send commands the
/// journey issued (passes not suppressed at the step); the rest come from the node's outbox rows:
/// <see cref="Queued"/> waiting to be sent, <see cref="Sent"/> the rows the outbox finished trying, of which
/// <see cref="Delivered"/> the provider accepted and <see cref="Failed"/> were dead-lettered;
/// <see cref="Opened"/>, <see cref="Clicked"/>, <see cref="Unsubscribed"/> the messages with at least one
/// tracked open, click or unsubscribe, <see cref="Bounced"/> those whose address bounced (refused at
/// sending, then also failed, or reported later by the integrator). <see cref="Suppressed"/> counts suppressions at the step and at send
/// time (consent withdrawn or a cap filled after queueing), <see cref="SuppressedBy"/> by kind of reason;
/// <see cref="Deferred"/> the sends held back now (at the step by quiet hours or a deferring cap, or queued
/// until quiet hours end).
/// </summary>
public sealed record MessageFigures(
    string NodeId,
    string Channel,
    string Topic,
    long Entered,
    long Requested,
    long Queued,
    long Deferred,
    long Sent,
    long Delivered,
    long Failed,
    long Opened,
    long Clicked,
    long Unsubscribed,
    long Bounced,
    long Suppressed,
    IReadOnlyDictionary<string, long> SuppressedBy)
{
    /// <param name="node">The node's journey counters; its instances waiting are deferred sends.</param>
    /// <param name="rows">The node's outbox outcomes.</param>
    public static MessageFigures Of(MessageNode definition, NodeFigures node, IReadOnlyList<OutboxOutcome> rows)
    {
        long Rows(params string[] statuses) => rows.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
        var suppressedAtSend = rows.Where(r => r.Status == OutboxStatus.Suppressed)
            .Select(r => (Kind: SuppressionReasons.Kind(r.Reason ?? "unknown"), r.Count));
        var suppressedBy = node.SuppressedBy.Select(s => (Kind: s.Key, Count: s.Value)).Concat(suppressedAtSend)
            .GroupBy(s => s.Kind)
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        return new(
            node.NodeId,
            definition.Channel.ToString().ToLowerInvariant(),
            definition.Topic,
            node.Entered,
            Requested: node.Exits.Where(e => e.Key != "suppressed" && e.Key != JourneyGraph.GoalOutcome).Sum(e => e.Value),
            Queued: Rows(OutboxStatus.Queued, OutboxStatus.Retrying),
            Deferred: node.Waiting + rows.Where(r => r.Reason == OutboxOutcome.QuietHours).Sum(r => r.Count),
            Sent: Rows(OutboxStatus.Sent, OutboxStatus.Dead),
            Delivered: Rows(OutboxStatus.Sent),
            Failed: Rows(OutboxStatus.Dead),
            Opened: rows.Sum(r => r.Opened),
            Clicked: rows.Sum(r => r.Clicked),
            Unsubscribed: rows.Sum(r => r.Unsubscribed),
            Bounced: rows.Sum(r => r.Bounced),
            Suppressed: suppressedBy.Values.Sum(),
            suppressedBy);
    }
}
