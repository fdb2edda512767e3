using Journeys.Engine.Events;

namespace Journeys.Engine.Profiles;

/// <summary>One profile an event must be applied to, with the event as that profile sees it.</summary>
public sealed record FanOutTarget(ProfileKind Kind, string ProfileId, EventEnvelope Event);
