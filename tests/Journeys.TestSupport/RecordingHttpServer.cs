using System.Collections.Concurrent;
using System.Net;

namespace Journeys.TestSupport;

/// <summary>
/// A local HTTP server standing in for a third-party service (SMS gateway, FCM, Telegram, a webhook
/// receiver): it records every request, answers with the status <see cref="Respond"/> decides (which
/// may also never answer) and keeps apart the requests it accepted with a 2xx answer.
/// </summary>
public sealed class RecordingHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<RecordedCall> calls = new();
    private readonly ConcurrentQueue<RecordedCall> accepted = new();
    private readonly Task loop;

    public RecordingHttpServer()
    {
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(BaseUrl.ToString());
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; }

    /// <summary>The status to answer a call with; a task that does not complete leaves the caller hanging.</summary>
    public Func<RecordedCall, int, Task<int>> Respond { get; set; } = (_, _) => Task.FromResult(200);

    /// <summary>The body of the answer to a call (JSON).</summary>
    public Func<RecordedCall, string> Answer { get; set; } = _ => "{}";

    /// <summary>Cancelled when the server stops: what a hanging <see cref="Respond"/> waits on.</summary>
    public CancellationToken Stopping => stopping.Token;

    public IReadOnlyList<RecordedCall> Calls => [.. calls];

    public IReadOnlyList<RecordedCall> Accepted => [.. accepted];

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }
        listener.Close();
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync();
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var call = new RecordedCall(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers.GetValueOrDefault("Idempotency-Key"), headers, body);
        calls.Enqueue(call);
        try
        {
            var status = await Respond(call, calls.Count);
            // Recorded before answering: a caller that reads Accepted right after its request returns must find it.
            if (status is >= 200 and < 300)
            {
                accepted.Enqueue(call);
            }
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(Answer(call)));
            context.Response.Close();
        }
        catch (Exception ex) when (ex is OperationCanceledException or HttpListenerException or ObjectDisposedException)
        {
            context.Response.Abort();
        }
    }
}
