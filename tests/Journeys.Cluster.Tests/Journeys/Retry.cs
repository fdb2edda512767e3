namespace Journeys.Cluster.Tests.Journeys;

internal static class Retry
{
    /// <summary>Calls into a silo just killed fail until the membership declares it dead (seconds).</summary>
    public static async Task UntilDeadSiloIsGoneAsync(Func<Task> call)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }
}
