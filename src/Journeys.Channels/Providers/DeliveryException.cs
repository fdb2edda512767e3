namespace Journeys.Channels.Providers;

/// <summary>
/// A send that failed. <see cref="Permanent"/>: trying again cannot succeed (no address, a rejected
/// recipient, a 4xx answer), so the row goes to the dead letters at once instead of being retried.
/// <see cref="BouncedAddress"/>: the receiving side refused that address itself (a bounce), which the
/// profile records so that nothing more is sent to it.
/// </summary>
public sealed class DeliveryException(string message, bool permanent, Exception? inner = null, string? bouncedAddress = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;

    public string? BouncedAddress { get; } = bouncedAddress;

    /// <summary>The HTTP status a provider answered with, when it answered.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The body of that answer, for providers that name the failure in it.</summary>
    public string? Answer { get; init; }
}
