using Journeys.Contracts.Visitors;
using Microsoft.AspNetCore.SignalR;

namespace Journeys.Gateway.Visitors;

/// <summary>This gateway as profile grains see it: a popup for a profile goes to that profile's connections here.</summary>
public sealed class HubVisitorObserver(IHubContext<VisitorHub> hub, VisitorConnections connections) : IVisitorObserver
{
    public async Task<bool> ShowPopupAsync(string kind, string profileId, PopupMessage popup)
    {
        var visitor = new VisitorKey(kind, profileId);
        if (!connections.Has(visitor))
        {
            return false;
        }
        await hub.Clients.Group(visitor.Group).SendAsync(VisitorHub.PopupMessageName, VisitorPopup.From(popup));
        return true;
    }
}
