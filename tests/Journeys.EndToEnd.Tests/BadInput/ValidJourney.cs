using System.Text.Json.Nodes;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>A journey definition docs/journeys.md accepts, with where a mutation can break it.</summary>
/// <param name="Exits">Every exit as (path, node index or -1 for the trigger); the first of a node is its main one.</param>
/// <param name="Durations">Paths of ISO 8601 durations.</param>
/// <param name="Conditions">Paths of leaf conditions.</param>
public sealed record ValidJourney(
    JsonObject Body,
    IReadOnlyList<(string Path, int Node)> Exits,
    IReadOnlyList<string> Durations,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<(string Type, bool Waits)> Nodes);
