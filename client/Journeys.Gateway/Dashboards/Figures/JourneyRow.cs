namespace Journeys.Gateway.Dashboards.Figures;

/// <summary>
/// A line of the journeys list. <see cref="Entered"/> counts journey entries, <see cref="InProgress"/> the
/// instances waiting now, <see cref="MessagesSent"/> the messages the outbox finished trying to send.
/// </summary>
public sealed record JourneyRow(
    string JourneyId,
    string? Name,
    string Status,
    int? Version,
    bool HasDraft,
    long Entered,
    long InProgress,
    long Converted,
    long MessagesRequested,
    long MessagesSent);
