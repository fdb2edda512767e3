using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Journeys.Cluster.Tests.Journeys;

/// <summary>
/// Hands a test's fake clock to the silos of its in-process test cluster: configurators only get
/// strings from the cluster's properties, so they look the clock up by name.
/// </summary>
internal static class TestClocks
{
    public const string ClockKey = "JourneysTests:Clock";

    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new();

    public static (string Name, FakeTimeProvider Clock) Create(DateTimeOffset start)
    {
        var name = Guid.NewGuid().ToString("N");
        var clock = new FakeTimeProvider(start);
        Clocks[name] = clock;
        return (name, clock);
    }

    public static FakeTimeProvider Get(string name) => Clocks[name];

    public static void Remove(string name) => Clocks.TryRemove(name, out _);
}
