namespace Journeys.Engine.Journeys;

/// <summary>
/// An arrow of the journey graph. <see cref="Outcome"/> is the <see cref="NodeExited.Outcome"/> counted
/// when an instance takes it; null on a node's default exit (<c>next</c>), which every other outcome
/// but <c>goal</c> takes (<c>done</c>, <c>event</c>, <c>elapsed</c>, <c>treatment</c>, <c>suppressed</c>).
/// </summary>
public sealed record JourneyEdge(string From, string To, string Property, string? Outcome);
