namespace Journeys.TestSupport;

/// <summary>
/// A receiving SMTP server that refuses unknown mailboxes at RCPT TO with 550 5.1.1, as real ones do:
/// <c>tests/smtp/refusing-mta.mjs</c> on the <c>smtp-server</c> npm package (installed by test.sh).
/// Recipients whose local part starts with <see cref="UnknownPrefix"/> are refused; the rest accepted.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    public const string UnknownPrefix = "unknown";

    private readonly HostProcess process;

    private RefusingSmtpServer(HostProcess process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public static async Task<RefusingSmtpServer> StartAsync()
    {
        var directory = Path.Combine(RepositoryPaths.Root, "tests", "smtp");
        if (!Directory.Exists(Path.Combine(directory, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException($"smtp-server is missing under {directory}: run 'npm ci --prefix tests/smtp' (test.sh does)");
        }
        var port = FreePort.Next();
        var server = new RefusingSmtpServer(HostProcess.StartProgram("node", ["refusing-mta.mjs", port.ToString()], directory), port);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!server.process.Output.Any(line => line.Contains("listening")))
        {
            if (server.process.HasExited || DateTime.UtcNow > deadline)
            {
                var output = server.process.OutputText;
                await server.DisposeAsync();
                throw new InvalidOperationException($"refusing-mta.mjs did not start: {output}");
            }
            await Task.Delay(50);
        }
        return server;
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();
}
