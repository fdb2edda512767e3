using System.Text.Json.Nodes;
using Journeys.Channels.Providers;
using Journeys.Engine.Journeys;
using Journeys.Storage.Devices;
using Journeys.Storage.Outbox;
using Journeys.Storage.Templates;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journeys.Channels.Tests;

/// <summary>The outbox's guarantees against real PostgreSQL and an SMS gateway on a local port.</summary>
public sealed class OutboxDispatcherTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);
    private OutboxFixture world = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => world = await OutboxFixture.CreateAsync(postgres);

    public ValueTask DisposeAsync() => world.DisposeAsync();

    [Fact]
    public async Task A_replayed_journey_step_queues_one_row()
    {
        var step = OutboxFixture.Sms("ann", "welcome-sms");

        await Task.WhenAll(world.Outbox.EnqueueAsync([step, step], Ct), world.Outbox.EnqueueAsync([step], Ct));
        await world.Outbox.EnqueueAsync([step with { DueAt = step.DueAt.AddMinutes(5) }], Ct);

        Assert.Equal(1, await world.CountAsync());
        Assert.Equal(OutboxStatus.Queued, (await world.RowAsync(step.DedupeKey)).Status);
    }

    [Fact]
    public async Task The_sent_message_is_the_template_rendered_with_traits_context_and_journey_and_carries_its_dedupe_key()
    {
        world.AddConsenting("bea");
        await world.Templates.SaveAsync(new StoredTemplate("greeting", null, "Hi {{ traits.firstName | upcase }}: {{ context.offer }}"), Ct);
        var step = OutboxFixture.Sms("bea", "greet", new MessageTemplate { Id = "greeting" });
        var inline = OutboxFixture.Sms("bea", "inline");
        await world.Outbox.EnqueueAsync([step, inline], Ct);

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast()), async () => await world.CountAsync("status = 'sent'") == 2, Settle);

        var byKey = world.SmsGateway.Accepted.ToDictionary(c => c.IdempotencyKey!);
        Assert.Contains("\"text\":\"Hi BEA: 20% off\"", byKey[step.DedupeKey].Body, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"Hello bea, 20% off (welcome)\"", byKey[inline.DedupeKey].Body, StringComparison.Ordinal);
        Assert.Equal("Bearer test-key", byKey[step.DedupeKey].Headers["Authorization"]);
        Assert.Equal([OutboxStatus.Sent, OutboxStatus.Sent], world.Profiles.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task Two_dispatchers_racing_send_every_row_exactly_once()
    {
        var steps = Enumerable.Range(0, 40).Select(i => $"racer{i}").Select(id =>
        {
            world.AddConsenting(id);
            return OutboxFixture.Sms(id, "race");
        }).ToList();
        await world.Outbox.EnqueueAsync(steps, Ct);
        var first = world.Dispatcher(OutboxFixture.Fast());
        var second = world.Dispatcher(OutboxFixture.Fast());

        Func<Task<bool>> allSent = async () => await world.CountAsync("status = 'sent'") == steps.Count;
        await Task.WhenAll(OutboxFixture.DispatchUntilAsync(first, allSent, Settle), OutboxFixture.DispatchUntilAsync(second, allSent, Settle));

        Assert.Equal(steps.Count, world.SmsGateway.Calls.Count);
        Assert.Equal(steps.Select(s => s.DedupeKey).Order(), world.SmsGateway.Accepted.Select(c => c.IdempotencyKey).Order());
        Assert.Equal(steps.Count, await world.CountAsync("attempts = 1"));
    }

    [Fact]
    public async Task A_dispatcher_killed_after_claiming_leaves_the_row_to_another_after_its_lease_and_cannot_finish_it_late()
    {
        world.AddConsenting("cid");
        var step = OutboxFixture.Sms("cid", "killed");
        await world.Outbox.EnqueueAsync([step], Ct);
        var lease = TimeSpan.FromSeconds(2);
        // A dispatcher that claimed the row and died: nothing after its claim ever happens.
        var dead = Assert.Single(await world.Outbox.ClaimAsync("killed-dispatcher", 10, lease, DateTimeOffset.UtcNow, Ct));
        var survivor = world.Dispatcher(OutboxFixture.Fast());

        Assert.Equal(0, await survivor.DispatchOnceAsync(Ct));
        await OutboxFixture.DispatchUntilAsync(survivor, async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Sent, Settle);

        Assert.False(await world.Outbox.FinishAsync(dead.Id, "killed-dispatcher", OutboxStatus.Dead, "late", DateTimeOffset.UtcNow, Ct));
        Assert.Single(world.SmsGateway.Accepted);
        var row = await world.RowAsync(step.DedupeKey);
        Assert.Equal((OutboxStatus.Sent, 2), (row.Status, row.Attempts));
    }

    [Fact]
    public async Task A_send_that_hangs_is_abandoned_before_its_lease_ends_and_the_retry_is_the_only_delivery()
    {
        world.AddConsenting("dan");
        var step = OutboxFixture.Sms("dan", "hang");
        await world.Outbox.EnqueueAsync([step], Ct);
        world.SmsGateway.Respond = async (_, number) =>
        {
            if (number == 1)
            {
                await Task.Delay(Timeout.Infinite, world.SmsGateway.Stopping);
            }
            return 200;
        };
        var settings = OutboxFixture.Fast();
        settings = new DispatchSettings
        {
            PollInterval = settings.PollInterval, RetryBase = settings.RetryBase, MaxAttempts = settings.MaxAttempts,
            Lease = TimeSpan.FromSeconds(2), LeaseMargin = TimeSpan.FromMilliseconds(500),
        };
        var hanging = world.Dispatcher(settings);
        var other = world.Dispatcher(settings);

        await hanging.DispatchOnceAsync(Ct);
        var abandoned = await world.RowAsync(step.DedupeKey);
        Assert.Equal(OutboxStatus.Retrying, abandoned.Status);
        Assert.Contains("outlasted its lease", abandoned.LastError, StringComparison.Ordinal);
        await OutboxFixture.DispatchUntilAsync(other, async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Sent, Settle);

        Assert.Equal(2, world.SmsGateway.Calls.Count);
        Assert.All(world.SmsGateway.Calls, c => Assert.Equal(step.DedupeKey, c.IdempotencyKey));
        Assert.Single(world.SmsGateway.Accepted);
    }

    [Fact]
    public async Task A_provider_failing_three_times_then_succeeding_delivers_once()
    {
        world.AddConsenting("eve");
        var step = OutboxFixture.Sms("eve", "flaky");
        await world.Outbox.EnqueueAsync([step], Ct);
        world.SmsGateway.Respond = (_, number) => Task.FromResult(number <= 3 ? 503 : 200);

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast()), async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Sent, Settle);

        Assert.Equal(4, world.SmsGateway.Calls.Count);
        Assert.Single(world.SmsGateway.Accepted);
        Assert.Equal(4, (await world.RowAsync(step.DedupeKey)).Attempts);
        Assert.Equal([OutboxStatus.Retrying, OutboxStatus.Retrying, OutboxStatus.Retrying, OutboxStatus.Sent], world.Profiles.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task A_push_retried_after_one_of_two_devices_failed_reaches_each_device_once()
    {
        world.Profiles.Add("gus", new JsonObject { ["firstName"] = "Gus" }, new ConsentGrant(Channel.Push));
        var devices = new PostgresDeviceStore(world.DataSource);
        await devices.RegisterAsync(new DeviceToken("customer", "gus", "phone-token", "android"), Ct);
        await devices.RegisterAsync(new DeviceToken("customer", "gus", "tablet-token", "ios"), Ct);
        await using var fcm = new RecordingHttpServer();
        static string? TokenOf(RecordedCall call) => (string?)JsonNode.Parse(call.Body)!["message"]!["token"];
        var tabletCalls = 0;
        fcm.Respond = (call, _) => Task.FromResult(TokenOf(call) == "tablet-token" && Interlocked.Increment(ref tabletCalls) <= 2 ? 503 : 200);
        using var http = new HttpClient();
        var push = new PushProvider(http, new PushSettings { BaseUrl = fcm.BaseUrl.ToString(), ProjectId = "tolls" }, devices, NullLogger<PushProvider>.Instance);
        var step = OutboxFixture.Push("gus", "app-nudge");
        await world.Outbox.EnqueueAsync([step], Ct);

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast(), push), async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Sent, Settle);

        Assert.Equal(["phone-token", "tablet-token"], fcm.Accepted.Select(TokenOf).Order());
        Assert.Equal(["phone-token", "tablet-token", "tablet-token", "tablet-token"], fcm.Calls.Select(TokenOf).Order());
        Assert.Equal(3, (await world.RowAsync(step.DedupeKey)).Attempts);
        Assert.Equal([OutboxStatus.Retrying, OutboxStatus.Retrying, OutboxStatus.Sent], world.Profiles.Outcomes.Select(o => o.Status));
    }

    [Fact]
    public async Task A_provider_that_keeps_failing_dead_letters_the_row_with_the_reason_after_the_last_attempt()
    {
        world.AddConsenting("fay");
        var step = OutboxFixture.Sms("fay", "down");
        await world.Outbox.EnqueueAsync([step], Ct);
        world.SmsGateway.Respond = (_, _) => Task.FromResult(503);

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast(maxAttempts: 3)), async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Dead, Settle);

        var row = await world.RowAsync(step.DedupeKey);
        Assert.Equal(3, row.Attempts);
        Assert.Contains("3 attempts failed", row.LastError, StringComparison.Ordinal);
        Assert.Contains("answered 503", row.LastError, StringComparison.Ordinal);
        Assert.Equal(3, world.SmsGateway.Calls.Count);
        Assert.Equal((OutboxStatus.Dead, row.LastError), (world.Profiles.Outcomes[^1].Status, world.Profiles.Outcomes[^1].Detail));
    }

    [Fact]
    public async Task A_rejected_request_is_dead_lettered_at_once_without_retrying()
    {
        world.AddConsenting("gus");
        var step = OutboxFixture.Sms("gus", "rejected");
        await world.Outbox.EnqueueAsync([step], Ct);
        world.SmsGateway.Respond = (_, _) => Task.FromResult(400);

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast()), async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Dead, Settle);

        Assert.Single(world.SmsGateway.Calls);
        Assert.Contains("answered 400", (await world.RowAsync(step.DedupeKey)).LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consent_withdrawn_between_queueing_and_sending_suppresses_the_message()
    {
        world.AddConsenting("hal");
        var step = OutboxFixture.Sms("hal", "late-consent");
        await world.Outbox.EnqueueAsync([step], Ct);
        world.Profiles.Withdraw("hal", Channel.Sms);

        await OutboxFixture.DispatchUntilAsync(world.Dispatcher(OutboxFixture.Fast()), async () => (await world.RowAsync(step.DedupeKey)).Status == OutboxStatus.Suppressed, Settle);

        Assert.Empty(world.SmsGateway.Calls);
        Assert.Equal("noConsent:sms:offers", (await world.RowAsync(step.DedupeKey)).LastError);
        Assert.Equal((OutboxStatus.Suppressed, "noConsent:sms:offers"), (world.Profiles.Outcomes[0].Status, world.Profiles.Outcomes[0].Detail));
    }
}
