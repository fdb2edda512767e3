namespace Journeys.Channels.Providers;

public sealed class SmsProvider(HttpClient http, SmsSettings settings) : IMessageProvider
{
    public string Channel => "sms";

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var to = message.Trait(settings.PhoneTrait) ?? throw new DeliveryException($"the profile has no '{settings.PhoneTrait}' trait", permanent: true);
        return HttpProviderCall.PostJsonAsync(http, new Uri(settings.BaseUrl), new { to, from = settings.From, text = message.Body, reference = message.DeliveryId },
            message.DeliveryId, cancellationToken, request =>
            {
                if (settings.ApiKey is { Length: > 0 } key)
                {
                    request.Headers.Authorization = new("Bearer", key);
                }
            });
    }
}
