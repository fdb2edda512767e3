namespace Journeys.Storage.Journal;

/// <summary>
/// A journal record as a partition reader gets it, with the position of the same profile's event just before it
/// (0 when it is the profile's first): a profile activation that holds less than that has missed an event.
/// </summary>
public sealed record PartitionRecord(JournalRecord Record, long ProfilePrevious);
