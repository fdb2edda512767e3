namespace Journeys.Contracts.Profiles;

/// <summary>
/// A profile's answer to its journal reader. <see cref="Held"/> is false when the profile misses an event before
/// the ones delivered, even in its latest save (the reader gives it its events after <see cref="SavedUpTo"/> again). <see cref="SavedUpTo"/> is the last applied
/// position its saved state holds: a profile that saved everything it was given needs no flush at the checkpoint.
/// </summary>
[GenerateSerializer, Immutable, Alias("journeys.delivery")]
public readonly record struct Delivery([property: Id(0)] bool Held, [property: Id(1)] long SavedUpTo);
