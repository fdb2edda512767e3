using Journeys.Storage.Stats;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Storage.Tests;

/// <summary>The outcome breakdowns in PostgreSQL and in memory, against the same expectations.</summary>
public sealed class JourneyOutcomeStoreTests(PostgresFixture postgres) : StoreContractTests<IJourneyOutcomeStore>(postgres)
{
    protected override IJourneyOutcomeStore InPostgres() => new PostgresJourneyOutcomeStore(DataSource);

    protected override IJourneyOutcomeStore InMemory() => new InMemoryJourneyOutcomeStore();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Batches_add_to_each_outcome_and_one_outcome_twice_in_a_batch_is_summed(string kind)
    {
        var store = Store(kind);

        await store.AddAsync(
        [
            new("cart", 1, "holdout", OutcomeCounters.Exit, "treatment", 7),
            new("cart", 1, "holdout", OutcomeCounters.Exit, "treatment", 2),
            new("cart", 1, "holdout", OutcomeCounters.Exit, "control", 1),
            new("cart", 1, "email", OutcomeCounters.Suppressed, "noConsent", 3),
            new("other", 1, "holdout", OutcomeCounters.Exit, "control", 5),
        ], TestContext.Current.CancellationToken);
        await store.AddAsync(
        [
            new("cart", 1, "holdout", OutcomeCounters.Exit, "control", 1),
            new("cart", 2, "wait", OutcomeCounters.Converted, "treatment", 4),
        ], TestContext.Current.CancellationToken);

        var rows = await store.ReadAsync("cart", TestContext.Current.CancellationToken);

        Assert.Equal(
        [
            new("cart", 1, "email", OutcomeCounters.Suppressed, "noConsent", 3),
            new("cart", 1, "holdout", OutcomeCounters.Exit, "control", 2),
            new("cart", 1, "holdout", OutcomeCounters.Exit, "treatment", 9),
            new("cart", 2, "wait", OutcomeCounters.Converted, "treatment", 4),
        ], rows);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Concurrent_batches_on_the_same_outcomes_are_all_counted(string kind)
    {
        var store = Store(kind);
        var outcomes = new[] { "a", "b", "c", "d" };

        // Each writer lists the outcomes in its own order: overlapping upserts must neither lose a delta nor deadlock.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(writer => store.AddAsync(
            [.. outcomes.Select((_, i) => new NodeOutcomeDelta("busy", 1, "n", OutcomeCounters.Exit, outcomes[(i + writer) % outcomes.Length], 1))],
            TestContext.Current.CancellationToken)));

        var rows = await store.ReadAsync("busy", TestContext.Current.CancellationToken);
        Assert.Equal(outcomes, rows.Select(r => r.Outcome));
        Assert.All(rows, row => Assert.Equal(40L, row.Count));
    }
}
