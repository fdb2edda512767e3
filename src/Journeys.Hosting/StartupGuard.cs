using Serilog;

namespace Journeys.Hosting;

/// <summary>
/// Runs a host's start-up and turns a configuration failure into one log line naming the
/// setting and exit code 2, instead of a stack trace.
/// </summary>
public static class StartupGuard
{
    public static async Task<int> RunAsync(Func<Task> run)
    {
        Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
        try
        {
            await run();
            return 0;
        }
        catch (StorageConfigurationException ex)
        {
            Log.ForContext("SourceContext", "Journeys.Startup").Fatal("Journeys cannot start: {Reason}", ex.Message);
            return 2;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }
}
