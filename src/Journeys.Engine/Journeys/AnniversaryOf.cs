using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>
/// The anniversary of a recorded event matching <see cref="Event"/> and <see cref="Condition"/>.
/// Only the first anniversary counts unless <see cref="EveryYear"/>: "last year's trip" is not "every trip ever".
/// </summary>
public sealed record AnniversaryOf
{
    public required string Event { get; init; }

    public Condition? Condition { get; init; }

    public bool EveryYear { get; init; }
}
