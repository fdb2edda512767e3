namespace Journeys.Engine.Profiles;

/// <summary>The latest trip: its route key in <see cref="CustomerComputed.Routes"/> and when it happened.</summary>
public sealed record TripSummary(string RouteKey, string Mode, string From, string To, string? Road, DateTimeOffset At);
