using System.Collections.Immutable;
using Journeys.Contracts.Journal;
using Journeys.Contracts.Visitors;

namespace Journeys.Contracts.Profiles;

/// <summary>
/// One customer, cashier or corporate profile. Applies its journal events exactly once, in
/// order; its state is saved behind (batched) and the journal rebuilds what was not saved.
/// </summary>
[Alias("journeys.profile")]
public interface IProfileGrain : IGrainWithStringKey
{
    /// <summary>
    /// Applies events of this profile; events at or below the last applied position are ignored.
    /// <paramref name="previousPosition"/> is what the profile must hold for <paramref name="events"/> to follow without a
    /// hole: the journal position of its event just before the first of them (0 when there is none), or, when they are
    /// all its events after a save, that save's position. An activation holding less has missed an event: another
    /// activation applied it (two can live for a while when silos come and go) or one ended without saving it. It
    /// takes the latest save; if that holds less too, it applies nothing and answers not held with the position its
    /// save holds, and the reader gives it its events from there. So what a profile holds never has a hole in it,
    /// whoever delivered to it.
    /// </summary>
    [Alias("apply")]
    Task<Delivery> ApplyAsync(ImmutableArray<JournalEvent> events, long previousPosition);

    /// <summary>Events of an anonymous profile merged into this one; deduplicated per source profile.</summary>
    [Alias("apply-forwarded")]
    Task ApplyForwardedAsync(string fromId, ImmutableArray<JournalEvent> events);

    /// <summary>Marks this (anonymous) profile as merged into <paramref name="knownId"/> and returns its state as JSON.</summary>
    [Alias("take-over")]
    Task<string> TakeOverAsync(string knownId);

    /// <summary>Saves the state now if anything changed since the last save; returns the last applied position saved.</summary>
    [Alias("flush")]
    Task<long> FlushAsync();

    /// <summary>Runs the journey steps due by now and saves; the due index's scanner wakes a waiting profile this way.</summary>
    [Alias("run-due")]
    Task RunDueAsync();

    [Alias("get")]
    Task<ProfileView> GetAsync();

    /// <summary>Re-checks consent, quiet hours and frequency caps for a queued message (by its dedupe key) at send time.</summary>
    [Alias("check-delivery")]
    Task<DeliveryCheck> CheckDeliveryAsync(string dedupeKey, string channel, string? topic, string journeyId, int version);

    /// <summary>The outbox row's outcome, shown on the timeline entry of the step that queued it.</summary>
    [Alias("record-delivery")]
    Task RecordDeliveryAsync(string dedupeKey, string status, string? detail);

    /// <summary>
    /// The receiving server refused <paramref name="address"/> for the message queued under
    /// <paramref name="dedupeKey"/>: journals a hard <c>Message Bounced</c> event for this profile, once
    /// however often it is reported, which then stops the channel's messages to that address.
    /// </summary>
    [Alias("record-bounce")]
    Task RecordBounceAsync(string dedupeKey, string channel, string journeyId, string address, string reason);

    /// <summary>Removes personal data from the state and the journal; records that it happened.</summary>
    [Alias("erase")]
    Task EraseAsync();

    /// <summary>
    /// Registers (or refreshes) a gateway that has connections of this profile; returns the popups
    /// still pending, now counted as delivered, for the gateway to show.
    /// </summary>
    [Alias("subscribe-visitors")]
    Task<ImmutableArray<PopupMessage>> SubscribeVisitorsAsync(IVisitorObserver gateway);

    [Alias("unsubscribe-visitors")]
    Task UnsubscribeVisitorsAsync(IVisitorObserver gateway);
}
