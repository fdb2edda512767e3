using System.Collections.Immutable;
using Journeys.Contracts.Visitors;
using Journeys.Grains.Profiles;

namespace Journeys.Grains.Visitors;

/// <summary>
/// One profile grain's popups: the gateways that have its visitors connected (in memory, refreshed by
/// them), and the popups not delivered yet, kept in the profile document until the next visit or their
/// expiry. Each popup goes out once: pushed live, or handed over at the next subscription.
/// </summary>
public sealed class VisitorPopups(string kind, string profileId, Func<ProfileDocument> document, ILogger logger)
{
    /// <summary>Gateways refresh every 30 s; one that missed several refreshes is gone.</summary>
    private static readonly TimeSpan GatewayForgottenAfter = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(5);

    private readonly Dictionary<IVisitorObserver, DateTimeOffset> gateways = [];

    public void Subscribe(IVisitorObserver gateway, DateTimeOffset now) => gateways[gateway] = now;

    public void Unsubscribe(IVisitorObserver gateway) => gateways.Remove(gateway);

    /// <summary>The unexpired pending popups, now delivered; expired ones are marked so on the timeline.</summary>
    public ImmutableArray<PopupMessage> TakePending(DateTimeOffset now)
    {
        var pending = document().PendingPopups;
        if (pending.Count == 0)
        {
            return [];
        }
        var taken = pending.Where(p => p.ExpiresAt > now).ToImmutableArray();
        foreach (var popup in pending)
        {
            SetStatus(popup, popup.ExpiresAt > now ? TimelineEntry.Delivered : TimelineEntry.Expired);
        }
        pending.Clear();
        return taken;
    }

    /// <summary>New popups start as pending: what nobody takes live stays so until the next visit.</summary>
    public void Stage(IEnumerable<PopupMessage> popups)
    {
        foreach (var popup in popups)
        {
            document().PendingPopups.Add(popup);
            SetStatus(popup, TimelineEntry.Pending);
        }
    }

    /// <summary>Pushes staged popups to the connected gateways; a delivered one is no longer pending.</summary>
    public async Task PushAsync(IReadOnlyList<PopupMessage> popups, DateTimeOffset now)
    {
        foreach (var stale in gateways.Where(g => now - g.Value > GatewayForgottenAfter).Select(g => g.Key).ToList())
        {
            gateways.Remove(stale);
        }
        foreach (var popup in popups)
        {
            if (await PushAsync(popup))
            {
                document().PendingPopups.RemoveAll(p => p.Id == popup.Id);
                SetStatus(popup, TimelineEntry.Delivered);
            }
        }
    }

    private async Task<bool> PushAsync(PopupMessage popup)
    {
        var shown = false;
        foreach (var gateway in gateways.Keys.ToList())
        {
            try
            {
                shown |= await gateway.ShowPopupAsync(kind, profileId, popup).WaitAsync(DeliveryTimeout);
            }
            catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
            {
                // The gateway is gone or stuck; if it still has visitors its next refresh registers it again.
                gateways.Remove(gateway);
                logger.LogWarning("{ProfileKind} {ProfileId}: a gateway did not take popup {PopupId}: {Reason}", kind, profileId, popup.Id, ex.Message);
            }
        }
        return shown;
    }

    private void SetStatus(PopupMessage popup, string status)
    {
        var timeline = document().Timeline;
        // From the newest end: a popup being delivered was most often staged by this very change.
        var at = timeline.FindLastIndex(t => t.DedupeKey == popup.DedupeKey);
        if (at >= 0)
        {
            timeline[at] = timeline[at] with { Status = status };
        }
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Debug, guarded: one line per popup at thousands a second cost the silos CPU; the timeline keeps the status.
            logger.LogDebug("{ProfileKind} {ProfileId}: popup {PopupId} from {JourneyId} {Status}", kind, profileId, popup.Id, popup.JourneyId, status);
        }
    }
}
