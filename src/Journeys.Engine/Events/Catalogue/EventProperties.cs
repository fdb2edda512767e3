namespace Journeys.Engine.Events.Catalogue;

/// <summary>The typed, validated properties of a catalogued event; custom events have none.</summary>
public abstract record EventProperties;
