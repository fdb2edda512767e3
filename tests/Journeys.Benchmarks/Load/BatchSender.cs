using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Journeys.Benchmarks.Load;

/// <summary>Posts batch bodies to the gateway as a Segment SDK would, over enough pooled connections.</summary>
public sealed class BatchSender : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient http;

    public BatchSender(Uri gateway, string writeKey, int connections)
    {
        http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = gateway,
            Timeout = TimeSpan.FromMinutes(2),
        };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
    }

    /// <summary>The gateway's answer: how many events it stored and how many it already had.</summary>
    public async Task<SendOutcome> SendAsync(byte[] body)
    {
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var response = await http.PostAsync(new Uri("/v1/batch", UriKind.Relative), content);
            var answer = await response.Content.ReadAsByteArrayAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return SendOutcome.Failed($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(answer)}");
            }
            using var document = JsonDocument.Parse(answer);
            return SendOutcome.Acked(document.RootElement.GetProperty("stored").GetInt32(), document.RootElement.GetProperty("duplicates").GetInt32());
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return SendOutcome.Failed(ex.GetType().Name + ": " + ex.Message);
        }
    }

    public void Dispose() => http.Dispose();
}
