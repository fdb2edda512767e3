using System.Net;
using System.Text.Json.Nodes;
using Journeys.Channels.Tracking;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
using Journeys.Gateway.Ingestion;

namespace Journeys.Gateway.Messaging;

/// <summary>
/// Where e-mail links lead: the open pixel, click redirects and the unsubscribe page. Each records an
/// event on the profile through the journal, like any other event; Message Unsubscribed withdraws the
/// consent. Only links signed by <see cref="TrackingLinks"/> are honoured.
/// </summary>
public static class TrackingEndpoints
{
    // The smallest transparent GIF.
    private static readonly byte[] Pixel = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static IEndpointRouteBuilder MapTracking(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{TrackingLinks.OpenPath}/{{token}}", async (string token, TrackingLinks links, EventIngestor ingestor, TimeProvider clock, CancellationToken ct) =>
        {
            if (links.Read(token) is { } delivery)
            {
                await RecordAsync(ingestor, clock, delivery, EventNames.MessageOpened, $"open:{delivery.DeliveryId}", null, ct);
            }
            return Results.File(Pixel, "image/gif");
        });

        endpoints.MapGet($"{TrackingLinks.ClickPath}/{{token}}", async (string token, string url, string sig, TrackingLinks links, EventIngestor ingestor, TimeProvider clock, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } delivery || !links.IsSignedTarget(token, url, sig))
            {
                return Results.NotFound();
            }
            await RecordAsync(ingestor, clock, delivery, EventNames.MessageClicked, $"click:{delivery.DeliveryId}:{url}", url, ct);
            return Results.Redirect(url);
        });

        endpoints.MapGet($"{TrackingLinks.UnsubscribePath}/{{token}}", (string token, TrackingLinks links) =>
            links.Read(token) is null
                ? Results.NotFound()
                : Results.Content(Page("Unsubscribe", $"""
                    <form method="post"><p>Stop receiving {WebUtility.HtmlEncode(Subject(links.Read(token)!))}?</p>
                    <button type="submit">Unsubscribe</button></form>
                    """), "text/html"));

        // RFC 8058 one-click: mail clients POST here straight from the List-Unsubscribe header.
        endpoints.MapPost($"{TrackingLinks.UnsubscribePath}/{{token}}", async (string token, TrackingLinks links, EventIngestor ingestor, TimeProvider clock, CancellationToken ct) =>
        {
            if (links.Read(token) is not { } delivery)
            {
                return Results.NotFound();
            }
            await RecordAsync(ingestor, clock, delivery, EventNames.MessageUnsubscribed, $"unsubscribe:{delivery.DeliveryId}", null, ct);
            return Results.Content(Page("Unsubscribed", $"<p>You will no longer receive {WebUtility.HtmlEncode(Subject(delivery))}.</p>"), "text/html");
        }).DisableAntiforgery();
        return endpoints;
    }

    private static string Subject(TrackedDelivery delivery) => delivery.Topic is { } topic ? $"'{topic}' messages by {delivery.Channel}" : $"messages by {delivery.Channel}";

    private static string Page(string title, string body) =>
        $"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>";

    /// <summary>The message id is derived from the link, so a pixel loaded twice or a double click is one event.</summary>
    private static async Task RecordAsync(EventIngestor ingestor, TimeProvider clock, TrackedDelivery delivery, string name, string messageId, string? url, CancellationToken ct)
    {
        var properties = new JsonObject { ["deliveryId"] = delivery.DeliveryId, ["channel"] = delivery.Channel, ["journeyId"] = delivery.JourneyId };
        if (url is not null)
        {
            properties["url"] = url;
        }
        if (name == EventNames.MessageUnsubscribed && delivery.Topic is not null)
        {
            properties["topic"] = delivery.Topic;
        }
        var call = MessageEventCall.Track(name, delivery.ProfileKind, delivery.ProfileId, messageId, properties);
        var parsed = EventParser.Default.ParseCall(EventType.Track, call, clock.GetUtcNow());
        if (parsed.IsValid)
        {
            await ingestor.IngestAsync(JournalEntries.From(parsed.Events), ct);
        }
    }
}
