namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>What a field of docs/events.md holds, which decides the wrong values the fuzzer puts in it.</summary>
public enum FieldKind
{
    Text,
    Id,
    Money,
    WholeNumber,
    Choice,
    DateTime,
    Date,
    Code,
    Url,
    Email,
    NonEmptyArray,
    Array,
    Members,
}
