using Journeys.Contracts.Visitors;

namespace Journeys.Gateway.Visitors;

/// <summary>What the page receives as the hub's <c>popup</c> message (the dedupe key stays server-side).</summary>
public sealed record VisitorPopup(string Id, string JourneyId, string Title, string BodyHtml, DateTimeOffset ExpiresAt)
{
    public static VisitorPopup From(PopupMessage popup) => new(popup.Id, popup.JourneyId, popup.Title, popup.BodyHtml, popup.ExpiresAt);
}
