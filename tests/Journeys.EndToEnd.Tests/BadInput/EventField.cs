namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>A field of a valid event: its path relative to the event, what it holds, whether it may be left out.</summary>
public sealed record EventField(string Path, FieldKind Kind, bool Required, int MaxLength = 255);
