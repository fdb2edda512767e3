namespace Journeys.Channels.Tracking;

/// <summary>What a signed tracking link says about the message it came in.</summary>
public sealed record TrackedDelivery(string ProfileKind, string ProfileId, string DeliveryId, string JourneyId, string Channel, string? Topic);
