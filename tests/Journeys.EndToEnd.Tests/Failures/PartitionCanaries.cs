using Journeys.Storage.Journal;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// One customer per journal partition, kept apart from the load's profiles. After a fault each gets
/// one new event; the time until every one of them shows it applied is when delivery has resumed on
/// every partition, wherever its reader lived.
/// </summary>
public sealed class PartitionCanaries
{
    private readonly ProductionCluster cluster;
    private readonly RetryingBatchSender sender;
    private readonly IReadOnlyList<string> users;

    public PartitionCanaries(ProductionCluster cluster, RetryingBatchSender sender, int partitions)
    {
        this.cluster = cluster;
        this.sender = sender;
        users = [.. Enumerable.Range(0, partitions).Select(p => Enumerable.Range(0, int.MaxValue)
            .Select(n => $"canary-{p}-{n}")
            .First(id => JournalPartitioner.PartitionOf("customer", id, partitions) == p))];
    }

    public IReadOnlyList<string> Users => users;

    /// <summary>Sends round <paramref name="round"/> (0, 1, ...) and waits until every partition applied it.</summary>
    public async Task<CanaryRound> RunAsync(int round, DateTime faultAt, TimeSpan timeout)
    {
        var acked = await sender.SendUntilAckedAsync([.. users.Select(u => new SentEvent(u, Events.PageView($"canary-{round}-{u}", u)))]);
        var applied = await Task.WhenAll(users.Select(u => WaitUntilAppliedAsync(u, round + 1, timeout)));
        return new CanaryRound(acked - faultAt, applied.Max() - faultAt);
    }

    private async Task<DateTime> WaitUntilAppliedAsync(string user, int events, TimeSpan timeout)
    {
        await cluster.WaitForProfileAsync("customer", user, p => (int)p["profile"]!["eventCount"]! >= events, timeout);
        return DateTime.UtcNow;
    }
}

/// <summary>From a fault to the first acknowledgement of a request sent after it, and to delivery on every partition.</summary>
public sealed record CanaryRound(TimeSpan Acked, TimeSpan Applied);
