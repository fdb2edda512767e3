using System.Text.Json.Nodes;
using Journeys.Channels.Providers;
using Journeys.Channels.Tracking;
using Journeys.Engine.Journeys;
using Journeys.Storage.Outbox;
using Journeys.TestSupport;

namespace Journeys.Channels.Tests;

/// <summary>A recipient refused by a real receiving SMTP server: dead-lettered at once and reported as a bounce.</summary>
public sealed class EmailBounceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private OutboxFixture world = null!;
    private RefusingSmtpServer mta = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        world = await OutboxFixture.CreateAsync(postgres);
        mta = await RefusingSmtpServer.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await mta.DisposeAsync();
        await world.DisposeAsync();
    }

    [Fact]
    public async Task A_refused_recipient_is_dead_lettered_after_one_attempt_and_reported_as_a_bounce_of_that_address()
    {
        var unknown = $"{RefusingSmtpServer.UnknownPrefix}-ann@tolls.example";
        world.Profiles.Add("ann", new JsonObject { ["email"] = unknown, ["firstName"] = "Ann" }, new ConsentGrant(Channel.Email));
        world.Profiles.Add("bob", new JsonObject { ["email"] = "bob@tolls.example", ["firstName"] = "Bob" }, new ConsentGrant(Channel.Email));
        var refused = OutboxFixture.Email("ann", "reminder");
        var accepted = OutboxFixture.Email("bob", "reminder");
        await world.Outbox.EnqueueAsync([refused, accepted], Ct);
        var email = new EmailProvider(
            new EmailSettings { SmtpHost = "127.0.0.1", SmtpPort = mta.Port, UseTls = false },
            new TrackingLinks(new TrackingSettings { Secret = "test-secret" }));

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast(), email), async () => await world.CountAsync("status IN ('sent', 'dead')") == 2, Settle);

        var dead = await world.RowAsync(refused.DedupeKey);
        Assert.Equal((OutboxStatus.Dead, 1), (dead.Status, dead.Attempts));
        Assert.StartsWith("bounced: 550", dead.LastError, StringComparison.Ordinal);
        var bounce = Assert.Single(world.Profiles.Bounces);
        Assert.Equal((refused.DedupeKey, unknown), (bounce.DedupeKey, bounce.Address));
        Assert.Contains("5.1.1", bounce.Reason, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sent, (await world.RowAsync(accepted.DedupeKey)).Status);
        Assert.Equal(1, await world.CountAsync("bounced_at IS NOT NULL"));
        Assert.Equal(1, await world.CountAsync($"bounced_at IS NOT NULL AND dedupe_key = '{refused.DedupeKey}'"));
        Assert.Equal([OutboxStatus.Dead], world.Profiles.Outcomes.Where(o => o.DedupeKey == refused.DedupeKey).Select(o => o.Status));
    }
}
