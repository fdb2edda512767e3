using System.Text.Json;
using Journeys.Engine.Events.Catalogue;
using Journeys.Engine.Journeys;
using Journeys.Engine.Profiles;

namespace Journeys.Engine.Running;

/// <summary>Builds the journey interpreter's view of a profile from the profile's own state.</summary>
public static class ProfileViews
{
    /// <summary>The trait holding an IANA time zone (e.g. <c>Europe/Paris</c>) for quiet hours and local times.</summary>
    public const string TimeZoneTrait = "timeZone";

    /// <summary>How many past events a profile keeps for date-relative triggers (anniversaries).</summary>
    public const int HistoryKept = 20;

    private static readonly HashSet<string> RememberedEvents = ["Trip Completed", "Flight Flown", "Booking Created", "Pass Subscription Purchased", "Order Completed"];

    /// <summary>The history with <paramref name="e"/> added when it is an event anniversaries may refer to, oldest dropped first.</summary>
    public static List<JourneyEvent> Remember(List<JourneyEvent> history, JourneyEvent e) =>
        RememberedEvents.Contains(e.Name) ? [.. history.TakeLast(HistoryKept - 1), e] : history;

    private static readonly Dictionary<MessageChannel, Channel> ChannelOf = Enum.GetValues<MessageChannel>().ToDictionary(c => c, c => Enum.Parse<Channel>(c.ToString()));

    /// <param name="inputs">The state's <see cref="ConditionInputs"/>: a profile renders them once per change, not once per use.</param>
    public static ProfileView For(
        ProfileState state,
        (JsonElement Traits, JsonElement Computed) inputs,
        IEnumerable<string> topics,
        IReadOnlyList<SentMessage> recentSends,
        IReadOnlyList<JourneyEvent> history)
    {
        var (traits, computed) = inputs;
        return new ProfileView
        {
            ProfileId = state.Id,
            TimeZone = state.Traits[TimeZoneTrait]?.GetValue<string>() ?? "UTC",
            Traits = traits,
            Computed = computed,
            Consents = Grants(state.Consent, topics.Distinct().ToList()),
            // Built per event: nothing allocated for the profiles (nearly all) without a bounce.
            Undeliverable = state.Bounces.IsEmpty ? [] : [.. state.Undeliverable().Select(c => ChannelOf[c])],
            RecentSends = recentSends,
            History = history,
        };
    }

    /// <summary>
    /// The traits and computed properties as conditions and segments read them. Only these two are rendered:
    /// rendering the whole state (recent events, consent history) on every event cost more than the journey step.
    /// </summary>
    public static (JsonElement Traits, JsonElement Computed) ConditionInputs(ProfileState state)
    {
        object? computed = state switch
        {
            CustomerProfile customer => customer.Computed,
            CashierProfile cashier => cashier.Computed,
            CorporateProfile corporate => corporate.Computed,
            _ => null,
        };
        return (
            JsonSerializer.SerializeToElement(state.Traits, ProfileStateJson.Options),
            computed is null ? default : JsonSerializer.SerializeToElement(computed, computed.GetType(), ProfileStateJson.Options));
    }

    /// <summary>
    /// The profile's consent in the interpreter's terms: a channel grant covers every topic unless one
    /// of the topics journeys use is withdrawn, in which case each allowed topic is granted on its own.
    /// </summary>
    private static List<ConsentGrant> Grants(ConsentState consent, IReadOnlyList<string> topics)
    {
        // Webhooks go to the operator's own systems, not to the person: no consent applies.
        var grants = new List<ConsentGrant> { new(Channel.Webhook) };
        foreach (var channel in Enum.GetValues<MessageChannel>())
        {
            var target = ChannelOf[channel];
            if (!consent.Allows(channel))
            {
                continue;
            }
            if (topics.All(topic => consent.Allows(channel, topic)))
            {
                grants.Add(new ConsentGrant(target));
            }
            else
            {
                grants.AddRange(topics.Where(topic => consent.Allows(channel, topic)).Select(topic => new ConsentGrant(target, topic)));
            }
        }
        return grants;
    }
}
