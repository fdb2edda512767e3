using Journeys.Cluster.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Cluster.Tests;

/// <summary>The reminder provider, through grains and through the silo's reminder table directly.</summary>
public sealed class ReminderTableTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTime StartAt = new(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

    // Every test uses grains of its own type, so range reads can ignore everybody else's rows.
    private readonly GrainType _type = GrainType.Create("reminder-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AGrainsRemindersAreStoredUntilItUnregistersThem()
    {
        var grain = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>("probe-" + Guid.NewGuid().ToString("N"));
        await grain.RegisterAsync("first");
        await grain.RegisterAsync("second");
        Assert.Equal(["first", "second"], await grain.ListAsync());
        Assert.Equal(["first", "second"], await StoredNamesAsync(grain.GetGrainId()));

        await grain.UnregisterAsync("first");

        Assert.Equal(["second"], await grain.ListAsync());
        Assert.Equal(["second"], await StoredNamesAsync(grain.GetGrainId()));
    }

    [Fact]
    public async Task AnUpsertedReminderReadsBackAndEachUpsertGivesANewETag()
    {
        var table = Table();
        var entry = Entry(Grain("a"), "tick");

        var created = await table.UpsertRow(entry, Ct);
        entry.Period = TimeSpan.FromMinutes(5);
        var updated = await table.UpsertRow(entry, Ct);

        var read = await table.ReadRow(entry.GrainId, "tick", Ct);
        Assert.NotNull(read);
        Assert.Equal("0", created);
        Assert.Equal("1", updated);
        Assert.Equal(updated, read.ETag);
        Assert.Equal(StartAt, read.StartAt);
        Assert.Equal(TimeSpan.FromMinutes(5), read.Period);
    }

    [Fact]
    public async Task APeriodBeyondInt32MillisecondsIsKept()
    {
        var table = Table();
        var entry = Entry(Grain("a"), "monthly");
        entry.Period = TimeSpan.FromDays(30);

        await table.UpsertRow(entry, Ct);

        Assert.Equal(TimeSpan.FromDays(30), (await table.ReadRow(entry.GrainId, "monthly", Ct))?.Period);
    }

    [Fact]
    public async Task ARemoveWithAStaleETagFailsAndWithTheCurrentOneDeletes()
    {
        var table = Table();
        var entry = Entry(Grain("a"), "tick");
        var stale = await table.UpsertRow(entry, Ct);
        var current = await table.UpsertRow(entry, Ct);

        Assert.False(await table.RemoveRow(entry.GrainId, "tick", stale!, Ct));
        Assert.True(await table.RemoveRow(entry.GrainId, "tick", current!, Ct));

        Assert.Null(await table.ReadRow(entry.GrainId, "tick", Ct));
    }

    [Fact]
    public async Task ReadingAGrainsRowsReturnsThatGrainsRemindersOnly()
    {
        var table = Table();
        await table.UpsertRow(Entry(Grain("a"), "one"), Ct);
        await table.UpsertRow(Entry(Grain("a"), "two"), Ct);
        await table.UpsertRow(Entry(Grain("b"), "one"), Ct);

        var rows = await table.ReadRows(Grain("a"), Ct);

        Assert.Equal(["one", "two"], rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.All(rows.Reminders, r => Assert.Equal(Grain("a"), r.GrainId));
    }

    [Fact]
    public async Task ARangeReadReturnsTheGrainsWhoseHashIsAfterBeginUpToEnd()
    {
        var hashes = await UpsertEightGrainsAsync();
        var (begin, end) = (hashes[1], hashes[5]);
        Assert.True(begin < end, "begin < end as signed integers selects ReadRangeRows1Key");

        var found = await ReadRangeAsync(begin, end);

        Assert.Equal(hashes[2..6], found);
    }

    [Fact]
    public async Task ARangeThatWrapsAroundReturnsTheGrainsOnBothEnds()
    {
        var hashes = await UpsertEightGrainsAsync();
        var (begin, end) = (hashes[5], hashes[1]);
        Assert.True(begin > end, "begin >= end as signed integers selects ReadRangeRows2Key");

        var found = await ReadRangeAsync(begin, end);

        Assert.Equal([hashes[0], hashes[1], hashes[6], hashes[7]], found);
    }

    [Fact]
    public async Task ARangeWhoseEndsMeetCoversTheWholeRing()
    {
        var hashes = await UpsertEightGrainsAsync();

        var found = await ReadRangeAsync(hashes[3], hashes[3]);

        Assert.Equal(hashes, found);
    }

    private IReminderTable Table() => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReminderTable>();

    private GrainId Grain(string key) => GrainId.Create(_type, IdSpan.Create(key));

    private static ReminderEntry Entry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = StartAt,
        Period = TimeSpan.FromHours(1),
    };

    /// <summary>Stores a reminder on eight grains of this test's type; returns their hashes as signed integers, ascending.</summary>
    private async Task<int[]> UpsertEightGrainsAsync()
    {
        var grains = Enumerable.Range(0, 8).Select(i => Grain($"ranged-{i}")).ToArray();
        foreach (var grain in grains)
        {
            await Table().UpsertRow(Entry(grain, "tick"), Ct);
        }

        var hashes = grains.Select(g => unchecked((int)g.GetUniformHashCode())).Order().ToArray();
        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        return hashes;
    }

    /// <summary>Reads the ring range (begin, end] and keeps this test's grains, as signed hashes in ascending order.</summary>
    private async Task<int[]> ReadRangeAsync(int begin, int end)
    {
        var rows = await Table().ReadRows(unchecked((uint)begin), unchecked((uint)end), Ct);
        return rows.Reminders
            .Where(r => r.GrainId.Type == _type)
            .Select(r => unchecked((int)r.GrainId.GetUniformHashCode()))
            .Order()
            .ToArray();
    }

    private async Task<string[]> StoredNamesAsync(GrainId grain) =>
        (await Table().ReadRows(grain, Ct)).Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal).ToArray();
}
