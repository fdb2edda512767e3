using Journeys.Storage.Devices;

namespace Journeys.Channels.Providers;

/// <summary>FCM HTTP v1, one request per registered device token of the profile.</summary>
public sealed class PushProvider(HttpClient http, PushSettings settings, IDeviceStore devices) : IMessageProvider
{
    public string Channel => "push";

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var tokens = await devices.ForProfileAsync(message.ProfileKind, message.ProfileId, cancellationToken);
        if (tokens.Count == 0)
        {
            throw new DeliveryException("the profile has no registered device", permanent: true);
        }
        var url = new Uri($"{settings.BaseUrl.TrimEnd('/')}/v1/projects/{settings.ProjectId}/messages:send");
        foreach (var device in tokens)
        {
            var body = new
            {
                message = new
                {
                    token = device.Token,
                    notification = new { title = message.Subject, body = message.Body },
                    data = new { deliveryId = message.DeliveryId, journeyId = message.JourneyId },
                },
            };
            await HttpProviderCall.PostJsonAsync(http, url, body, $"{message.DeliveryId}/{device.Token}", cancellationToken, request =>
            {
                if (settings.AccessToken is { Length: > 0 } token)
                {
                    request.Headers.Authorization = new("Bearer", token);
                }
            });
        }
    }
}
