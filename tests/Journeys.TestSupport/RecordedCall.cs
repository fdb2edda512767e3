namespace Journeys.TestSupport;

/// <summary>One request a <see cref="RecordingHttpServer"/> received.</summary>
public sealed record RecordedCall(string Method, string Path, string? IdempotencyKey, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public DateTime ReceivedAt { get; init; } = DateTime.UtcNow;
}
