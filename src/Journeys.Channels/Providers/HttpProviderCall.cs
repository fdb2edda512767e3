using System.Net;
using System.Net.Http.Json;

namespace Journeys.Channels.Providers;

/// <summary>One JSON request to a provider's HTTP API, with the outcome mapped to retry or dead letter.</summary>
internal static class HttpProviderCall
{
    public static async Task PostJsonAsync(HttpClient http, Uri url, object body, string idempotencyKey, CancellationToken cancellationToken,
        Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        configure?.Invoke(request);
        await SendAsync(http, request, cancellationToken);
    }

    public static async Task SendAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DeliveryException($"{request.RequestUri!.GetLeftPart(UriPartial.Path)} unreachable: {ex.Message}", permanent: false, ex);
        }
        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var permanent = (int)response.StatusCode is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout);
            throw new DeliveryException($"{request.RequestUri!.GetLeftPart(UriPartial.Path)} answered {(int)response.StatusCode}: {Truncate(text)}", permanent)
            {
                StatusCode = (int)response.StatusCode,
                Answer = text,
            };
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
