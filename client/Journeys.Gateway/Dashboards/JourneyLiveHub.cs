using Journeys.Gateway.Dashboards.Figures;
using Microsoft.AspNetCore.SignalR;

namespace Journeys.Gateway.Dashboards;

/// <summary>
/// Live journey figures for marketers' browsers (<c>/hubs/dashboard</c>, management key as the access token).
/// <c>Watch</c> answers the current figures at once; <see cref="LiveFiguresPublisher"/> then sends
/// <c>figures</c> to the journey's group whenever they change, at most once per poll period.
/// </summary>
internal sealed class JourneyLiveHub(JourneyWatchers watchers, JourneyFiguresReader reader) : Hub
{
    public const string Path = "/hubs/dashboard";
    public const string FiguresMethod = "figures";

    public async Task<JourneyLiveFigures?> Watch(string journeyId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, JourneyWatchers.Group(journeyId));
        watchers.Watch(Context.ConnectionId, journeyId);
        return (await reader.ReadAsync(journeyId, Context.ConnectionAborted))?.Live();
    }

    public async Task Unwatch(string journeyId)
    {
        watchers.Unwatch(Context.ConnectionId, journeyId);
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, JourneyWatchers.Group(journeyId));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
