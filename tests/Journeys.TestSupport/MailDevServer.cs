using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Journeys.TestSupport;

/// <summary>
/// A real SMTP server for e-mail tests: the <c>maildev</c> npm package (installed by test.sh under
/// tests/smtp) on free loopback ports, read through its HTTP API.
/// </summary>
public sealed class MailDevServer : IAsyncDisposable
{
    private readonly HostProcess process;
    private readonly HttpClient api;

    private MailDevServer(HostProcess process, int smtpPort, int webPort)
    {
        this.process = process;
        SmtpPort = smtpPort;
        api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}") };
    }

    public int SmtpPort { get; }

    /// <summary>maildev's HTTP API (<c>/api/email</c>), for scripts that read what arrived.</summary>
    public Uri ApiAddress => api.BaseAddress!;

    public static async Task<MailDevServer> StartAsync()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "smtp");
        var script = Path.Combine(directory, "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{script} is missing: run 'npm ci --prefix tests/smtp' (test.sh does)");
        }
        int smtp = FreePort.Next(), web = FreePort.Next();
        var process = HostProcess.StartProgram("node", [script, "--smtp", smtp.ToString(), "--web", web.ToString(), "--ip", "127.0.0.1", "--web-ip", "127.0.0.1"], directory);
        var server = new MailDevServer(process, smtp, web);
        try
        {
            await process.WaitUntilHealthyAsync($"http://127.0.0.1:{web}/api/healthz", TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every message received so far, as maildev's API describes them (subject, html, text, headers, to).</summary>
    public async Task<JsonArray> EmailsAsync() => (await api.GetFromJsonAsync<JsonArray>("/api/email"))!;

    /// <summary>The message as it came over SMTP, parsed, with every header.</summary>
    public async Task<MimeKit.MimeMessage> SourceAsync(JsonObject email)
    {
        await using var source = await api.GetStreamAsync(new Uri($"/api/email/{(string)email["id"]!}/source", UriKind.Relative));
        using var buffer = new MemoryStream();
        await source.CopyToAsync(buffer);
        buffer.Position = 0;
        return await MimeKit.MimeMessage.LoadAsync(buffer);
    }

    public async Task<JsonObject> WaitForEmailAsync(Func<JsonObject, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await EmailsAsync()).OfType<JsonObject>().FirstOrDefault(match) is { } email)
            {
                return email;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"no matching e-mail arrived within {timeout}; received: {await EmailsAsync()}\n{process.OutputText}");
    }

    public async ValueTask DisposeAsync()
    {
        api.Dispose();
        await process.DisposeAsync();
    }
}
