using System.Security.Cryptography;
using System.Text;

namespace Journeys.Channels.Providers;

/// <summary>
/// Calls the URL a journey's webhook node names. The receiver can check <c>X-Journeys-Signature</c>
/// (<c>sha256=</c> hex HMAC of the body with the shared secret) and dedupe on <c>Idempotency-Key</c>.
/// </summary>
public sealed class WebhookProvider(HttpClient http, WebhookSettings settings) : IMessageProvider
{
    public const string SignatureHeader = "X-Journeys-Signature";

    public string Channel => "webhook";

    public Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var webhook = message.Webhook ?? throw new DeliveryException("not a webhook call", permanent: true);
        var request = new HttpRequestMessage(new HttpMethod(webhook.Method), webhook.Url);
        request.Headers.Add("Idempotency-Key", message.DeliveryId);
        if (webhook.Method != "GET")
        {
            request.Content = new StringContent(message.Body, Encoding.UTF8, "application/json");
            request.Headers.Add(SignatureHeader, Sign(message.Body, settings.SigningSecret));
        }
        return SendAndDisposeAsync(request, cancellationToken);
    }

    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private async Task SendAndDisposeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            await HttpProviderCall.SendAsync(http, request, cancellationToken);
        }
    }
}
