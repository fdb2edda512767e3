namespace Journeys.Channels.Providers;

/// <summary>
/// A send that failed. <see cref="Permanent"/>: trying again cannot succeed (no address, a rejected
/// recipient, a 4xx answer), so the row goes to the dead letters at once instead of being retried.
/// </summary>
public sealed class DeliveryException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
