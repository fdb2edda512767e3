using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Sends the cases over a few keep-alive connections at once and records every answer.</summary>
public static class FuzzRunner
{
    public static async Task<IReadOnlyList<FuzzOutcome>> RunAsync(Uri gateway, IReadOnlyList<FuzzCase> cases, int connections, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var http = new HttpClient(handler) { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(60) };
        var outcomes = new FuzzOutcome[cases.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, cases.Count),
            new ParallelOptions { MaxDegreeOfParallelism = connections, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await SendAsync(http, i, cases[i], token));
        return outcomes;
    }

    private static async Task<FuzzOutcome> SendAsync(HttpClient http, int number, FuzzCase fuzzCase, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(fuzzCase.Method, fuzzCase.Route) { Content = new ByteArrayContent(fuzzCase.Body) };
        if (fuzzCase.ContentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(fuzzCase.ContentType);
        }
        if (fuzzCase.Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", fuzzCase.Authorization);
        }
        request.Headers.TransferEncodingChunked = fuzzCase.Chunked;
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new FuzzOutcome(number, fuzzCase, (int)response.StatusCode, ErrorKeys(body), body, watch.Elapsed);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // No answer at all (connection reset, gateway gone, 60 s without a reply) breaks the properties as a 5xx would.
            return new FuzzOutcome(number, fuzzCase, 599, [], "no answer: " + ex.Message, watch.Elapsed);
        }
    }

    /// <summary>The keys of a ValidationProblem's <c>errors</c> object.</summary>
    private static IReadOnlyList<string> ErrorKeys(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetBytes(body));
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? [.. errors.EnumerateObject().Select(e => e.Name)]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
