using System.Diagnostics;

namespace Journeys.Benchmarks.Memory;

/// <summary>The live managed heap after a full compacting collection, and the process's resident memory.</summary>
public sealed record HeapReading(long LiveBytes, long WorkingSetBytes)
{
    public static HeapReading Take()
    {
        // Twice: objects kept alive only by finalizers are freed by the second pass.
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        return new HeapReading(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
    }
}
