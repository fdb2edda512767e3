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

    public async Task SubscribeAsync(VisitorKey visitor)
    {
        var pending = await cluster.GetProfile(visitor.Kind, visitor.Id).SubscribeVisitorsAsync(reference.Value);
        foreach (var popup in pending)
        {
            await hub.Clients.Group(visitor.Group).SendAsync(VisitorHub.PopupMessageName, VisitorPopup.From(popup));
        }
    }

    public Task UnsubscribeAsync(VisitorKey visitor) =>
        cluster.GetProfile(visitor.Kind, visitor.Id).UnsubscribeVisitorsAsync(reference.Value);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.SubscriptionRefresh);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var visitor in connections.All())
            {
                try
                {
                    await SubscribeAsync(visitor);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Visitor subscription of {ProfileKind} {ProfileId} not refreshed: {Reason}", visitor.Kind, visitor.Id, ex.Message);
                }
            }
        }
    }
}
