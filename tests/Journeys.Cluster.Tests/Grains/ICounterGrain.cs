namespace Journeys.Cluster.Tests.Grains;

[Alias("Journeys.Cluster.Tests.Grains.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    /// <summary>Adds to the persisted counter and returns the new value.</summary>
    [Alias("AddAsync")]
    Task<int> AddAsync(int amount);

    [Alias("GetAsync")]
    Task<int> GetAsync();

    /// <summary>The parsable address of the silo hosting this activation.</summary>
    [Alias("GetSiloAsync")]
    Task<string> GetSiloAsync();
}
