namespace Journeys.Engine.Journeys;

/// <summary>One outgoing edge of a node, named by its JSON property so errors can point at it.</summary>
public sealed record NodeExit(string Property, string? Target, bool Optional = false);
