namespace Journeys.Storage.Outbox;

/// <summary>
/// A message a journey step asks to send. <see cref="PayloadJson"/> is what the dispatcher renders and
/// sends (the engine's command and the event that caused it); the rest addresses and identifies it.
/// </summary>
public sealed record OutboxMessage(
    string DedupeKey,
    string ProfileKind,
    string ProfileId,
    string JourneyId,
    int Version,
    string NodeId,
    string Channel,
    string? Topic,
    string PayloadJson,
    DateTimeOffset DueAt)
{
    /// <summary>What <see cref="PayloadJson"/> becomes when the profile is erased.</summary>
    public const string ErasedPayload = """{"erased": true}""";
}
