using Orleans;

namespace Journeys.Hosting;

/// <summary>The gateway may start before any silo: keep trying to connect, logging each miss.</summary>
public sealed class WaitForSilosRetryFilter(ILogger<WaitForSilosRetryFilter> logger) : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        logger.LogWarning("No silo reachable yet ({Reason}); retrying in 2 s", exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return true;
    }
}
