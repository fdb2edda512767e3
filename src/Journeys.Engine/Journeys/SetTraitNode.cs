using System.Text.Json;

namespace Journeys.Engine.Journeys;

/// <summary>Sets a profile trait to a constant value.</summary>
public sealed record SetTraitNode : ActionNode
{
    public required string Trait { get; init; }

    public required JsonElement Value { get; init; }
}
