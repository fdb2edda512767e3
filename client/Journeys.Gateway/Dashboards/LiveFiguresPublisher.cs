using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Journeys.Gateway.Dashboards;

/// <summary>
/// Every poll period, reads the figures of each journey someone watches on this gateway from the stats
/// stores and sends them to its watchers when they changed. The silos' buffers write counters to the
/// store, so this works with any number of silos and gateways, and a browser gets at most
/// one message per journey per period however heavy the traffic.
/// </summary>
internal sealed class LiveFiguresPublisher(
    JourneyWatchers watchers,
    JourneyFiguresReader reader,
    IHubContext<JourneyLiveHub> hub,
    DashboardSettings settings,
    ILogger<LiveFiguresPublisher> logger) : BackgroundService
{
    private readonly Dictionary<string, string> lastSent = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.LivePollPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PublishAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        var watched = watchers.Journeys();
        foreach (var gone in lastSent.Keys.Where(id => !watched.Contains(id)).ToList())
        {
            lastSent.Remove(gone);
        }

        foreach (var journeyId in watched)
        {
            try
            {
                if ((await reader.ReadAsync(journeyId, cancellationToken))?.Live() is not { } figures)
                {
                    continue;
                }
                var json = JsonSerializer.Serialize(figures, JsonSerializerOptions.Web);
                if (lastSent.GetValueOrDefault(journeyId) != json)
                {
                    await hub.Clients.Group(JourneyWatchers.Group(journeyId)).SendAsync(JourneyLiveHub.FiguresMethod, figures, cancellationToken);
                    lastSent[journeyId] = json;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Live figures of {JourneyId} not published; retrying next period", journeyId);
            }
        }
    }
}
