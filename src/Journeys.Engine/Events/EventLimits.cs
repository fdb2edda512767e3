namespace Journeys.Engine.Events;

/// <summary>Segment's size limits, kept so that payloads accepted by Segment are accepted here and vice versa.</summary>
public static class EventLimits
{
    /// <summary>Largest single event (a single call body or one batch item), in UTF-8 bytes.</summary>
    public const int MaxEventBytes = 32 * 1024;

    /// <summary>Largest <c>/v1/batch</c> request body, in UTF-8 bytes; the HTTP layer answers 413 above it.</summary>
    public const int MaxBatchBytes = 500 * 1024;

    /// <summary>Longest messageId, userId, anonymousId, previousId or groupId: they are keys in the journal and grain ids.</summary>
    public const int MaxIdLength = 255;

    /// <summary>Longest event name.</summary>
    public const int MaxEventNameLength = 200;
}
