namespace Journeys.Cluster.Tests.Grains;

[Alias("Journeys.Cluster.Tests.Grains.IReminderProbeGrain")]
public interface IReminderProbeGrain : IGrainWithStringKey
{
    [Alias("RegisterAsync")]
    Task RegisterAsync(string reminderName);

    [Alias("UnregisterAsync")]
    Task UnregisterAsync(string reminderName);

    [Alias("ListAsync")]
    Task<IReadOnlyList<string>> ListAsync();
}
