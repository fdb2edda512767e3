namespace Journeys.Channels.Providers;

/// <summary>Sends on one channel (<c>email</c>, <c>sms</c>, <c>push</c>, <c>telegram</c>, <c>webhook</c>).</summary>
public interface IMessageProvider
{
    string Channel { get; }

    /// <summary>Returns when the service accepted the message; throws <see cref="DeliveryException"/> when it did not.</summary>
    Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
