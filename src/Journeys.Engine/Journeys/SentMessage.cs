namespace Journeys.Engine.Journeys;

/// <summary>A send by any journey, which frequency caps count.</summary>
public sealed record SentMessage(Channel Channel, DateTimeOffset At);
