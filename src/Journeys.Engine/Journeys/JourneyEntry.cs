using System.Text.Json;
using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>The entry policy: does this input start a new instance of this journey for this profile?</summary>
public static class JourneyEntry
{
    /// <param name="existing">The profile's instances of any journey (finished ones too: "once" needs them).</param>
    public static EntryDecision ShouldEnter(
        JourneyDefinition definition,
        IEnumerable<JourneyInstance> existing,
        JourneyInput input,
        ProfileView profile,
        DateTimeOffset now)
    {
        if (!TriggerMatches(definition, input, profile, now))
        {
            return new(false, "triggerMismatch");
        }

        var entry = definition.Entry;
        var context = ContextOf(input);
        var correlation = CorrelationValueOf(entry.CorrelationKey, context);
        if (entry.CorrelationKey is not null && correlation is null)
        {
            return new(false, "missingCorrelationKey");
        }

        var mine = existing.Where(instance => instance.JourneyId == definition.Id).ToList();
        if (entry.Mode == EntryMode.Once && mine.Count > 0)
        {
            return new(false, "alreadyEntered", correlation);
        }

        if (entry.Mode == EntryMode.OncePerPeriod && mine.Any(instance => instance.EnteredAt > now - (entry.Period ?? TimeSpan.Zero)))
        {
            return new(false, "enteredWithinPeriod", correlation);
        }

        return mine.Any(instance => instance.IsLive && (entry.CorrelationKey is null || instance.CorrelationValue == correlation))
            ? new(false, "liveInstance", correlation)
            : new(true, "entered", correlation);
    }

    /// <summary>What an instance started by this input reads as <c>context.*</c>.</summary>
    public static JsonElement ContextOf(JourneyInput input) => input switch
    {
        EventReceived received => received.Event.Properties,
        ApiTriggered api => api.Payload,
        DateReached { Source: { } source } => source.Properties,
        SegmentEntered segment => JsonSerializer.SerializeToElement(new { segment = segment.Segment }),
        _ => default,
    };

    /// <summary>The correlation key's value in the context as text (numbers keep their JSON spelling).</summary>
    public static string? CorrelationValueOf(string? key, JsonElement context)
    {
        if (key is null || context.ValueKind != JsonValueKind.Object || !context.TryGetProperty(key, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static bool TriggerMatches(JourneyDefinition definition, JourneyInput input, ProfileView profile, DateTimeOffset now) =>
        (definition.Trigger, input) switch
        {
            (EventTrigger trigger, EventReceived received) =>
                trigger.Event == received.Event.Name
                && (trigger.Condition is null
                    || ConditionEvaluator.Evaluate(trigger.Condition, FieldSources.For(profile, received.Event, received.Event.Properties), now)),
            (SegmentEntryTrigger trigger, SegmentEntered entered) => trigger.Segment == entered.Segment,
            (ApiTrigger, ApiTriggered api) => api.JourneyId == definition.Id,
            (DateRelativeTrigger, DateReached) => true,
            _ => false,
        };
}
