using System.Text.Json.Nodes;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>An event docs/events.md accepts, the route of its single call, and the fields a mutation may break.</summary>
public sealed record ValidEvent(string Route, JsonObject Body, IReadOnlyList<EventField> Fields);
