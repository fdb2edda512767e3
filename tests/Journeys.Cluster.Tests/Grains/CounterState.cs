namespace Journeys.Cluster.Tests.Grains;

[GenerateSerializer]
[Alias("Journeys.Cluster.Tests.Grains.CounterState")]
public sealed class CounterState
{
    [Id(0)]
    public int Value { get; set; }
}
