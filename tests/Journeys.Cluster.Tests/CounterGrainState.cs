using System.Diagnostics.CodeAnalysis;
using Journeys.Cluster.Tests.Grains;

namespace Journeys.Cluster.Tests;

/// <summary>What IPersistentState hands to the storage provider, held by the test instead.</summary>
internal sealed class CounterGrainState : IGrainState<CounterState>
{
    [AllowNull]
    public CounterState State
    {
        get;
        set => field = value ?? new();
    } = new();

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}
