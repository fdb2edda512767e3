namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>
/// A message node's sends. <see cref="Requested"/> counts the send commands the journey issued (passes
/// that were not suppressed). The delivery counters are null until the message outbox reports them:
/// the dashboards show them as "not available yet".
/// </summary>
public sealed record MessageFigures(
    string Channel,
    string Topic,
    long Requested,
    long? Sent = null,
    long? Delivered = null,
    long? Opened = null,
    long? Clicked = null,
    long? Unsubscribed = null);
