namespace Journeys.Channels.Providers;

/// <summary>The Bot API has no idempotency key; the dedupe key still travels in the request header.</summary>
public sealed class TelegramProvider(HttpClient http, TelegramSettings settings) : IMessageProvider
{
    public string Channel => "telegram";

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var chat = message.Trait(settings.ChatIdTrait) ?? throw new DeliveryException($"the profile has no '{settings.ChatIdTrait}' trait", permanent: true);
        var url = new Uri($"{settings.BaseUrl.TrimEnd('/')}/bot{settings.BotToken}/sendMessage");
        return HttpProviderCall.PostJsonAsync(http, url, new { chat_id = chat, text = message.Body }, message.DeliveryId, cancellationToken);
    }
}
