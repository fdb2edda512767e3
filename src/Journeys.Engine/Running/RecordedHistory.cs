using Journeys.Engine.Events;
using Journeys.Engine.Journeys;
using Journeys.Engine.Profiles;

namespace Journeys.Engine.Running;

/// <summary>
/// A profile's recorded events made into a dry run: each event is applied by the same reducer the
/// profile grain runs, at the event's own time, so every input carries the profile as it stood then.
/// Events before <c>from</c> only build the starting profile and its history (what anniversaries read).
/// </summary>
public static class RecordedHistory
{
    /// <param name="recorded">Oldest first, as journaled for this profile.</param>
    /// <param name="topics">Message topics the journey uses: consent is resolved for these.</param>
    public static RecordedReplay Replay(ProfileKind kind, string profileId, IEnumerable<EventEnvelope> recorded, IReadOnlyList<string> topics, DateTimeOffset from)
    {
        var state = Create(kind, profileId);
        var history = new List<JourneyEvent>();
        var inputs = new List<DryRunInput>();
        foreach (var e in recorded)
        {
            state = Apply(state, e);
            var journeyEvent = JourneyEvent.From(e);
            if (e.Timestamp < from)
            {
                history = ProfileViews.Remember(history, journeyEvent);
                continue;
            }
            inputs.Add(new DryRunInput(e.Timestamp, new EventReceived(journeyEvent), ProfileViews.For(state, ProfileViews.ConditionInputs(state), topics, [], [])));
        }

        var start = inputs.Count > 0 ? inputs[0].Profile! : ProfileViews.For(state, ProfileViews.ConditionInputs(state), topics, [], []);
        return new RecordedReplay(start with { History = history }, inputs);
    }

    private static ProfileState Create(ProfileKind kind, string id) => kind switch
    {
        ProfileKind.Cashier => CashierReducer.Create(id),
        ProfileKind.Corporate => CorporateReducer.Create(id),
        _ => CustomerReducer.Create(id),
    };

    private static ProfileState Apply(ProfileState state, EventEnvelope e) => state switch
    {
        CashierProfile cashier => CashierReducer.Apply(cashier, e, e.Timestamp, CashierRules.Default),
        CorporateProfile corporate => CorporateReducer.Apply(corporate, e),
        CustomerProfile customer => CustomerReducer.Apply(customer, e, e.Timestamp),
        _ => state,
    };
}
