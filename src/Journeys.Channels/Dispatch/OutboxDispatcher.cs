using Journeys.Channels.Providers;
using Journeys.Channels.Rendering;
using Journeys.Engine.Journeys;
using Journeys.Storage.Outbox;
using Microsoft.Extensions.Hosting;

namespace Journeys.Channels.Dispatch;

/// <summary>
/// Runs on every silo: claims due outbox rows under a lease, re-checks them with their profile, renders,
/// sends and records the outcome. A send is cancelled before its lease ends, and every outcome is
/// written only while this dispatcher still holds the lease, so a row taken over by another dispatcher
/// is never finished twice. Failures are retried with exponential backoff, then dead-lettered.
/// </summary>
public sealed class OutboxDispatcher(
    IOutboxStore outbox,
    IDeliveryProfiles profiles,
    TemplateRenderer renderer,
    IEnumerable<IMessageProvider> providers,
    DispatchSettings settings,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromHours(1);
    private static readonly TimeSpan RecordRetryDelay = TimeSpan.FromMilliseconds(500);
    private readonly Dictionary<string, IMessageProvider> byChannel = providers.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    /// <summary>Names this dispatcher in the rows it leases.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Outbox dispatcher {Owner} started for channels {Channels}", Owner, byChannel.Keys);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox dispatcher {Owner} could not claim rows; trying again", Owner);
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims one batch and works it off; returns how many rows it claimed.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        var rows = await outbox.ClaimAsync(Owner, settings.BatchSize, settings.Lease, clock.GetUtcNow(), cancellationToken);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
            async (row, _) =>
            {
                try
                {
                    await DeliverAsync(row);
                }
                catch (Exception ex)
                {
                    // Recording the outcome failed (database or profile): a row left unfinished is tried again when its lease runs out.
                    logger.LogError(ex, "Outbox {DedupeKey}: the outcome could not be recorded", row.Message.DedupeKey);
                }
            });
        return rows.Count;
    }

    private async Task DeliverAsync(OutboxRow row)
    {
        var message = row.Message;
        using var lease = new CancellationTokenSource(settings.Lease - settings.LeaseMargin, clock);
        try
        {
            var payload = OutboxPayload.Parse(message.PayloadJson);
            var check = await profiles.CheckAsync(message);
            if (check.SuppressedReason is { } reason)
            {
                await FinishAsync(row, OutboxStatus.Suppressed, reason);
                return;
            }
            if (check.DeferredUntil is { } until)
            {
                if (await outbox.RetryAsync(row.Id, Owner, until, check.DeferredReason ?? "deferred", failed: false))
                {
                    await profiles.RecordAsync(message, OutboxStatus.Queued, check.DeferredReason);
                }
                return;
            }
            if (!byChannel.TryGetValue(message.Channel, out var provider))
            {
                await FinishAsync(row, OutboxStatus.Dead, $"no provider is configured for channel '{message.Channel}'");
                return;
            }
            var outgoing = await RenderAsync(message, payload, check.StateJson, lease.Token);
            await provider.SendAsync(outgoing, lease.Token);
            // The provider has the message now: were the record lost (the database restarting), the row
            // would be sent again when its lease ends, so the record is retried while the lease lasts.
            await FinishAsync(row, OutboxStatus.Sent, null, keepTryingUntil: lease.Token);
        }
        catch (DeliveryException ex) when (ex.BouncedAddress is { } address)
        {
            // Journalled before the row is finished: a dispatcher dying in between leaves the row to be
            // sent again, and its bounce is the same event, applied once.
            await profiles.BouncedAsync(message, address, ex.Message);
            await outbox.RecordEngagementAsync([new OutboxEngagement(message.DedupeKey, OutboxEngagement.Bounced)], clock.GetUtcNow());
            await FinishAsync(row, OutboxStatus.Dead, ex.Message);
        }
        catch (Exception ex) when (ex is DeliveryException { Permanent: true } or TemplateRenderingException or JsonException)
        {
            await FinishAsync(row, OutboxStatus.Dead, ex.Message);
        }
        catch (Exception ex)
        {
            var error = ex is OperationCanceledException && lease.IsCancellationRequested ? "the send outlasted its lease and was abandoned" : ex.Message;
            await FailAsync(row, error);
        }
    }

    private async Task<OutgoingMessage> RenderAsync(OutboxMessage message, OutboxPayload payload, string stateJson, CancellationToken cancellationToken)
    {
        using var state = JsonDocument.Parse(stateJson);
        var profile = state.RootElement.Clone();
        var context = payload.Command switch
        {
            SendMessage m => m.Context,
            CallWebhook w => w.Context,
            _ => default,
        };
        var variables = new TemplateVariables(profile, payload.Event, context, message.JourneyId, message.Version, message.NodeId);
        var (subject, body, webhook) = payload.Command switch
        {
            SendMessage m => await RenderMessageAsync(m.Template, variables, cancellationToken),
            CallWebhook w => (null, w.Body is null ? "" : TemplateRenderer.Render(w.Body, variables), w),
            var other => throw new TemplateRenderingException($"'{other.GetType().Name}' is not a message"),
        };
        return new OutgoingMessage(message.DedupeKey, message.ProfileKind, message.ProfileId, message.JourneyId, message.Topic, subject, body, variables.Traits, webhook);
    }

    private async Task<(string?, string, CallWebhook?)> RenderMessageAsync(MessageTemplate template, TemplateVariables variables, CancellationToken cancellationToken)
    {
        var rendered = await renderer.RenderAsync(template, variables, cancellationToken);
        return (rendered.Subject, rendered.Body, null);
    }

    private async Task FailAsync(OutboxRow row, string error)
    {
        if (row.Attempts >= settings.MaxAttempts)
        {
            await FinishAsync(row, OutboxStatus.Dead, $"{row.Attempts} attempts failed; last: {error}");
            return;
        }
        var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, settings.RetryBase.Ticks * (1L << Math.Min(row.Attempts - 1, 20))));
        logger.LogWarning("Outbox {DedupeKey} attempt {Attempt} failed, retrying in {Delay}: {Error}", row.Message.DedupeKey, row.Attempts, delay, error);
        if (await outbox.RetryAsync(row.Id, Owner, clock.GetUtcNow() + delay, error, failed: true))
        {
            await profiles.RecordAsync(row.Message, OutboxStatus.Retrying, error);
        }
    }

    private async Task FinishAsync(OutboxRow row, string status, string? detail, CancellationToken keepTryingUntil = default)
    {
        if (!await KeepTryingAsync(row, () => outbox.FinishAsync(row.Id, Owner, status, detail, clock.GetUtcNow()), keepTryingUntil))
        {
            logger.LogWarning("Outbox {DedupeKey}: the lease passed to another dispatcher before {Status} was recorded", row.Message.DedupeKey, status);
            return;
        }
        logger.Log(status == OutboxStatus.Sent ? LogLevel.Information : LogLevel.Warning,
            "Outbox {DedupeKey} on {Channel}: {Status} {Detail}", row.Message.DedupeKey, row.Message.Channel, status, detail);
        await profiles.RecordAsync(row.Message, status, detail);
    }

    /// <summary>Tries a write again every <see cref="RecordRetryDelay"/> until <paramref name="until"/> is cancelled; without a token, once.</summary>
    private async Task<bool> KeepTryingAsync(OutboxRow row, Func<Task<bool>> write, CancellationToken until)
    {
        while (true)
        {
            try
            {
                return await write();
            }
            catch (Exception ex) when (until.CanBeCanceled && !until.IsCancellationRequested && ex is not OperationCanceledException)
            {
                logger.LogWarning("Outbox {DedupeKey}: recording the outcome failed, trying again while the lease lasts: {Error}", row.Message.DedupeKey, ex.Message);
                await Task.Delay(RecordRetryDelay, clock, until);
            }
        }
    }
}
