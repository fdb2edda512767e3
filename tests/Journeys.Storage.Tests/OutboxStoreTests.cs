using Journeys.Storage.Outbox;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journeys.Storage.Tests;

/// <summary>
/// What the results page reads of a journey's messages: its outbox rows summed by node, status and
/// reason, with their tracked opens, clicks and unsubscribes; and what erasing a profile leaves of its
/// rows. In PostgreSQL and in memory alike.
/// </summary>
public sealed class OutboxStoreTests(PostgresFixture postgres) : StoreContractTests<IOutboxStore>(postgres)
{
    private const string Owner = "dispatcher-1";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    protected override IOutboxStore InPostgres() => new PostgresOutboxStore(DataSource, NullLogger<PostgresOutboxStore>.Instance);

    protected override IOutboxStore InMemory() => new InMemoryOutboxStore();

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Rows_are_summed_by_node_status_and_reason_with_each_message_opened_clicked_unsubscribed_and_bounced_at_most_once(string kind)
    {
        var store = Store(kind);
        await store.EnqueueAsync([Row("sent-1", "email"), Row("sent-2", "email"), Row("dead", "email"), Row("no-consent", "email"),
            Row("quiet", "email"), Row("capped", "sms"), Row("elsewhere", "email", journey: "other")], Ct);
        var claimed = (await store.ClaimAsync(Owner, 100, TimeSpan.FromMinutes(1), Now, Ct)).ToDictionary(r => r.Message.DedupeKey, r => r.Id);
        await store.FinishAsync(claimed["sent-1"], Owner, OutboxStatus.Sent, null, Now, Ct);
        await store.FinishAsync(claimed["sent-2"], Owner, OutboxStatus.Sent, null, Now, Ct);
        await store.FinishAsync(claimed["dead"], Owner, OutboxStatus.Dead, "bounced: 550 no such user", Now, Ct);
        await store.FinishAsync(claimed["no-consent"], Owner, OutboxStatus.Suppressed, "noConsent:email:cart", Now, Ct);
        await store.FinishAsync(claimed["capped"], Owner, OutboxStatus.Suppressed, "frequencyCap", Now, Ct);
        await store.RetryAsync(claimed["quiet"], Owner, Now.AddHours(8), OutboxOutcome.QuietHours, failed: false, Ct);
        await store.EnqueueAsync([Row("waiting", "email")], Ct);

        await store.RecordEngagementAsync([Opened("sent-1"), Clicked("sent-1"), Opened("sent-2"), Opened("elsewhere"), Opened("never-queued")], Now, Ct);
        await store.RecordEngagementAsync([Opened("sent-1"), Clicked("sent-1"), new("sent-2", OutboxEngagement.Unsubscribed)], Now.AddMinutes(1), Ct);
        await store.RecordEngagementAsync([new("dead", OutboxEngagement.Bounced), new("sent-2", OutboxEngagement.Bounced), new("dead", OutboxEngagement.Bounced)], Now.AddMinutes(2), Ct);

        Assert.Equal(
        [
            new("email", OutboxStatus.Dead, null, 1, 0, 0, 0, 1),
            new("email", OutboxStatus.Queued, null, 1, 0, 0, 0, 0),
            new("email", OutboxStatus.Retrying, OutboxOutcome.QuietHours, 1, 0, 0, 0, 0),
            new("email", OutboxStatus.Sent, null, 2, 2, 1, 1, 1),
            new("email", OutboxStatus.Suppressed, "noConsent:email:cart", 1, 0, 0, 0, 0),
            new("sms", OutboxStatus.Suppressed, "frequencyCap", 1, 0, 0, 0, 0),
        ], await store.ReadOutcomesAsync("cart", Ct));
        Assert.Equal([new OutboxOutcome("email", OutboxStatus.Queued, null, 1, 1, 0, 0, 0)], await store.ReadOutcomesAsync("other", Ct));
    }

    [Fact]
    public async Task Engagement_is_kept_in_the_database_and_the_first_open_keeps_its_time()
    {
        var store = Store("postgres");
        await store.EnqueueAsync([Row("kept", "email")], Ct);
        await store.RecordEngagementAsync([Opened("kept")], Now, Ct);
        await store.RecordEngagementAsync([Opened("kept")], Now.AddHours(1), Ct);

        var afterRestart = Store("postgres");
        Assert.Equal([new OutboxOutcome("email", OutboxStatus.Queued, null, 1, 1, 0, 0, 0)], await afterRestart.ReadOutcomesAsync("cart", Ct));
        await using var command = DataSource.CreateCommand("SELECT opened_at FROM outbox WHERE dedupe_key = 'kept'");
        var openedAt = (DateTime)(await command.ExecuteScalarAsync(Ct))!;
        Assert.True(Math.Abs((openedAt - Now.UtcDateTime).TotalMilliseconds) < 1, $"the first open was at {Now:O}, the row says {openedAt:O}");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Erasure_clears_the_payloads_and_errors_of_the_profiles_rows_and_suppresses_those_still_to_send(string kind)
    {
        var store = Store(kind);
        await store.EnqueueAsync([RowOf("ann", "sent"), RowOf("ann", "dead"), RowOf("ann", "capped"), RowOf("ann", "retrying"), RowOf("ann", "queued"), RowOf("bob", "queued")], Ct);
        var claimed = (await store.ClaimAsync(Owner, 100, TimeSpan.FromMinutes(1), Now, Ct)).ToDictionary(r => r.Message.DedupeKey, r => r.Id);
        await store.FinishAsync(claimed["ann/sent"], Owner, OutboxStatus.Sent, null, Now, Ct);
        await store.FinishAsync(claimed["ann/dead"], Owner, OutboxStatus.Dead, "550 ann@example.com: no such user", Now, Ct);
        await store.FinishAsync(claimed["ann/capped"], Owner, OutboxStatus.Suppressed, "frequencyCap", Now, Ct);
        await store.RetryAsync(claimed["ann/retrying"], Owner, Now.AddMinutes(5), "answered 503", failed: true, Ct);
        await store.RetryAsync(claimed["ann/queued"], Owner, Now.AddHours(8), OutboxOutcome.QuietHours, failed: false, Ct);

        Assert.Equal(5, await store.EraseAsync("customer", "ann", Now, Ct));

        var rows = new Dictionary<string, OutboxRow>();
        foreach (var key in new[] { "ann/sent", "ann/dead", "ann/capped", "ann/retrying", "ann/queued", "bob/queued" })
        {
            rows[key] = (await store.FindAsync(key, Ct))!;
        }
        Assert.All(rows.Where(r => r.Key.StartsWith("ann/", StringComparison.Ordinal)), r => Assert.Equal(OutboxMessage.ErasedPayload, r.Value.Message.PayloadJson));
        Assert.Equal((OutboxStatus.Sent, null), (rows["ann/sent"].Status, rows["ann/sent"].LastError));
        Assert.Equal((OutboxStatus.Dead, null), (rows["ann/dead"].Status, rows["ann/dead"].LastError));
        Assert.Equal((OutboxStatus.Suppressed, "frequencyCap"), (rows["ann/capped"].Status, rows["ann/capped"].LastError));
        Assert.Equal((OutboxStatus.Suppressed, OutboxOutcome.Erased), (rows["ann/retrying"].Status, rows["ann/retrying"].LastError));
        Assert.Equal((OutboxStatus.Suppressed, OutboxOutcome.Erased), (rows["ann/queued"].Status, rows["ann/queued"].LastError));
        Assert.Contains("bob@example.com", rows["bob/queued"].Message.PayloadJson, StringComparison.Ordinal);
        Assert.Equal(["bob/queued"], (await store.ClaimAsync(Owner, 100, TimeSpan.FromMinutes(1), Now.AddDays(1), Ct)).Select(r => r.Message.DedupeKey));
        Assert.Equal(0, await store.EraseAsync("customer", "ann", Now, Ct));
    }

    private static OutboxMessage Row(string key, string node, string journey = "cart") =>
        new(key, "customer", "ann", journey, 1, node, node, "cart", "{}", Now.AddSeconds(-1));

    private static OutboxEngagement Opened(string key) => new(key, OutboxEngagement.Opened);

    private static OutboxEngagement Clicked(string key) => new(key, OutboxEngagement.Clicked);

    private static OutboxMessage RowOf(string profile, string node) =>
        new($"{profile}/{node}", "customer", profile, "welcome", 1, node, "email", null, $$"""{"to": "{{profile}}@example.com"}""", Now.AddSeconds(-1));
}
