using Journeys.Contracts.Profiles;
using Journeys.Contracts.Visitors;
using Microsoft.AspNetCore.SignalR;

namespace Journeys.Gateway.Visitors;

/// <summary>
/// Keeps this gateway registered with the profile grain of every visitor connected here: at connect,
/// then every <c>Visitors:SubscriptionRefresh</c>, so a grain reactivated on another silo learns of the
/// gateway again and hands over the popups it kept pending meanwhile.
/// </summary>
public sealed class VisitorSubscriptions(
    IClusterClient cluster,
    HubVisitorObserver observer,
    VisitorConnections connections,
    IHubContext<VisitorHub> hub,
    VisitorSettings settings,
    ILogger<VisitorSubscriptions> logger) : BackgroundService
{
    private readonly Lazy<IVisitorObserver> reference = new(() => cluster.CreateObjectReference<IVisitorObserver>(observer));

    /// <summary>
    /// Registers with the visitor's profile and shows what it kept pending. A failure (no silo right
    /// now) is logged, not thrown: the connection stays and the next refresh tries again.
    /// </summary>
    public async Task TrySubscribeAsync(VisitorKey visitor)
    {
        try
        {
            var pending = await cluster.GetProfile(visitor.Kind, visitor.Id).SubscribeVisitorsAsync(reference.Value);
            foreach (var popup in pending)
            {
                await hub.Clients.Group(visitor.Group).SendAsync(VisitorHub.PopupMessageName, VisitorPopup.From(popup));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Visitor subscription of {ProfileKind} {ProfileId} failed, retried at the next refresh: {Reason}", visitor.Kind, visitor.Id, ex.Message);
        }
    }

    /// <summary>Tidiness only: a profile also forgets a gateway that stops refreshing.</summary>
    public async Task TryUnsubscribeAsync(VisitorKey visitor)
    {
        try
        {
            await cluster.GetProfile(visitor.Kind, visitor.Id).UnsubscribeVisitorsAsync(reference.Value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("Visitor {ProfileKind} {ProfileId} not unsubscribed: {Reason}", visitor.Kind, visitor.Id, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SubscriptionRefresh);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = stoppingToken };
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Parallel.ForEachAsync(connections.All(), parallel, async (visitor, _) => await TrySubscribeAsync(visitor));
        }
    }
}
