using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Journeys.TestSupport;

/// <summary>
/// A silo or gateway started as a real OS process from its build output, so tests can wait for
/// it, read what it logged, stop it gracefully (SIGTERM) or kill it (SIGKILL).
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private HostProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;
    public bool HasExited => process.HasExited;
    public int ExitCode => process.ExitCode;
    public IReadOnlyList<string> Output => [.. output];
    public string OutputText => string.Join(Environment.NewLine, output);

    /// <param name="niceness">Above 0: started through <c>nice</c>, at that lower CPU priority (the process keeps the pid <c>nice</c> had).</param>
    public static HostProcess Start(string dll, IReadOnlyDictionary<string, string?> environment, int niceness = 0)
    {
        var info = new ProcessStartInfo(niceness > 0 ? "nice" : "dotnet", niceness > 0 ? ["-n", niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", dll] : [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Serilog__MinimumLevel__Default"] = "Information";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll));
    }

    /// <summary>Any other program the tests need as a real process (e.g. the SMTP test server).</summary>
    public static HostProcess StartProgram(string fileName, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("could not start " + fileName));
    }

    /// <summary>Polls <paramref name="url"/> until it answers 200; fails with the process output otherwise.</summary>
    public async Task WaitUntilHealthyAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"process exited with {process.ExitCode}:\n{OutputText}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(url));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{url} not healthy after {timeout}:\n{OutputText}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM: the host shuts down gracefully, as under systemd or docker stop.</summary>
    public void Terminate()
    {
        if (!process.HasExited)
        {
            _ = SendSignal(process.Id, 15);
        }
    }

    /// <summary>SIGKILL: the process dies at once, mid-work.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);
}
