namespace Journeys.Storage.Outbox;

/// <summary>An outbox row as stored; a claimed row carries the lease of the dispatcher that holds it.</summary>
public sealed record OutboxRow(
    long Id,
    OutboxMessage Message,
    string Status,
    int Attempts,
    string? LeaseOwner,
    DateTimeOffset? LeaseUntil,
    string? LastError);
