namespace Journeys.Storage.Stats;

/// <summary>Changes to one journey node's counters, summed in memory and written in batches.</summary>
public sealed record NodeStatDelta(
    string JourneyId,
    int Version,
    string NodeId,
    long Entered = 0,
    long Passed = 0,
    long Exited = 0,
    long Converted = 0,
    long Suppressed = 0,
    long Waiting = 0)
{
    public NodeStatDelta Plus(NodeStatDelta other) => this with
    {
        Entered = Entered + other.Entered,
        Passed = Passed + other.Passed,
        Exited = Exited + other.Exited,
        Converted = Converted + other.Converted,
        Suppressed = Suppressed + other.Suppressed,
        Waiting = Waiting + other.Waiting,
    };
}
