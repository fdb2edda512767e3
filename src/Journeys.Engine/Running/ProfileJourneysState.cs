using System.Collections.Immutable;
using Journeys.Engine.Journeys;

namespace Journeys.Engine.Running;

/// <summary>A profile's journey instances (finished ones too, for "once" entry) and how far date triggers were checked.</summary>
public sealed record ProfileJourneysState
{
    public static ProfileJourneysState Empty { get; } = new();

    public ImmutableList<JourneyInstance> Instances { get; init; } = [];

    public DateTimeOffset? DatesCheckedUntil { get; init; }
}
