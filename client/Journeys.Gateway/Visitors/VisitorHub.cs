using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Gateway.Ingestion;
using Microsoft.AspNetCore.SignalR;

namespace Journeys.Gateway.Visitors;

/// <summary>
/// Visitors' pages and apps at <c>/v1/visitors</c>: a connection proven by its token (see
/// <see cref="VisitorTokenAuthentication"/>) receives <c>popup</c> messages of its own profile only,
/// and reports what the visitor did with them; the report becomes a journal event like any other.
/// </summary>
public sealed class VisitorHub(
    VisitorConnections connections,
    VisitorSubscriptions subscriptions,
    EventIngestor ingestor,
    TimeProvider clock,
    ILogger<VisitorHub> logger) : Hub
{
    public const string PopupMessageName = "popup";

    private static readonly Dictionary<string, string> Interactions = new(StringComparer.Ordinal)
    {
        ["shown"] = "Popup Shown",
        ["clicked"] = "Popup Clicked",
        ["dismissed"] = "Popup Dismissed",
    };

    private VisitorKey Visitor => VisitorKey.Of(Context.User!);

    public override async Task OnConnectedAsync()
    {
        var visitor = Visitor;
        await Groups.AddToGroupAsync(Context.ConnectionId, visitor.Group);
        connections.Add(visitor);
        await subscriptions.TrySubscribeAsync(visitor);
        logger.LogDebug("Visitor {ProfileKind} {ProfileId} connected as {ConnectionId}", visitor.Kind, visitor.Id, Context.ConnectionId);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var visitor = Visitor;
        if (connections.Remove(visitor))
        {
            await subscriptions.TryUnsubscribeAsync(visitor);
        }
    }

    /// <summary>
    /// <paramref name="interaction"/> is <c>shown</c>, <c>clicked</c> or <c>dismissed</c>. The message id is
    /// derived from the popup and the interaction, so a report sent twice is recorded once.
    /// </summary>
    public async Task Report(string popupId, string journeyId, string interaction, string? url)
    {
        if (!Interactions.TryGetValue(interaction, out var eventName))
        {
            throw new HubException($"interaction must be one of {string.Join(", ", Interactions.Keys)}");
        }
        var visitor = Visitor;
        var properties = new JsonObject { ["popupId"] = popupId, ["journeyId"] = journeyId };
        if (url is not null && interaction == "clicked")
        {
            properties["url"] = url;
        }
        var body = new JsonObject
        {
            ["messageId"] = $"{popupId}-{interaction}",
            [AnonymousVisitors.IsAnonymous(visitor.Id) ? "anonymousId" : "userId"] = visitor.Id,
            ["profileKind"] = visitor.Kind,
            ["event"] = eventName,
            ["properties"] = properties,
        };
        var parsed = EventParser.Default.ParseCall(EventType.Track, body, clock.GetUtcNow());
        if (!parsed.IsValid)
        {
            throw new HubException(string.Join("; ", parsed.Errors.Select(e => e.ToString())));
        }
        await ingestor.IngestAsync(JournalEntries.From(parsed.Events), Context.ConnectionAborted);
    }
}
