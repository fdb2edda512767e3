using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Profiles;

/// <summary>A consent decision for a channel, a topic on every channel, or a topic on one channel.</summary>
public sealed record ConsentChange(MessageChannel? Channel, string? Topic, bool Granted, string Source, DateTimeOffset At);
