using System.Text.Json;
using System.Text.Json.Nodes;

namespace Journeys.Engine.Journeys;

/// <summary>
/// Replays inputs through a definition on a virtual clock, firing every wait at its due time. Nothing
/// leaves the replay: sends and trait changes only update the replay's own copy of the profile, so
/// frequency caps and later conditions see them as they would live.
/// </summary>
public static class JourneyDryRun
{
    /// <summary>Bounds a replay of a journey that keeps re-entering or deferring.</summary>
    public const int MaxIterations = 10_000;

    public static DryRunResult Run(JourneyDefinition definition, ProfileView profile, IReadOnlyList<JourneyEvent> events, DateTimeOffset start, DateTimeOffset end) =>
        Run(definition, profile, [.. events.Select(e => new DryRunInput(e.Timestamp, new EventReceived(e)))], start, end);

    public static DryRunResult Run(JourneyDefinition definition, ProfileView profile, IReadOnlyList<DryRunInput> inputs, DateTimeOffset start, DateTimeOffset end)
    {
        var replay = new Replay(definition, profile, start);
        var queue = new Queue<DryRunInput>(inputs.Where(input => input.At >= start).OrderBy(input => input.At));
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var timer = replay.NextTimer();
            var date = replay.NextDate();
            var input = queue.Count > 0 ? queue.Peek().At : (DateTimeOffset?)null;
            var next = new[] { timer, date, input }.Where(at => at is not null).Min();
            if (next is not { } now || now > end)
            {
                break;
            }

            // At equal times, waits fire before dates and inputs: a 1 h timeout elapses before an order placed at 1 h.
            if (timer == now)
            {
                replay.FireTimer(now);
            }
            else if (date == now)
            {
                replay.FireDates(now);
            }
            else
            {
                replay.Apply(queue.Dequeue(), now);
            }
        }

        return replay.Result();
    }

    private sealed class Replay(JourneyDefinition definition, ProfileView profile, DateTimeOffset start)
    {
        private readonly List<JourneyInstance> instances = [];
        private readonly List<PathStep> path = [];
        private readonly List<TimedCommand> commands = [];
        private DateTimeOffset datesCheckedUntil = start - TimeSpan.FromTicks(1);

        public DryRunResult Result() => new(path, commands, instances);

        public DateTimeOffset? NextTimer() => instances.Select(instance => instance.NextDueAt).Where(at => at is not null).Min();

        public DateTimeOffset? NextDate() => definition.Trigger is DateRelativeTrigger trigger
            ? DateRelativeSchedule.NextAfter(trigger, profile, datesCheckedUntil)
            : null;

        public void FireTimer(DateTimeOffset now)
        {
            var index = instances.FindIndex(instance => instance.NextDueAt == now);
            Record(index, JourneyInterpreter.Step(definition, instances[index], new TimerFired(), profile, now), now);
        }

        public void FireDates(DateTimeOffset now)
        {
            var due = DateRelativeSchedule.DueBetween((DateRelativeTrigger)definition.Trigger, profile, datesCheckedUntil, now);
            datesCheckedUntil = now;
            foreach (var reached in due)
            {
                TryEnter(reached, now);
            }
        }

        public void Apply(DryRunInput replayed, DateTimeOffset now)
        {
            var input = replayed.Input;
            if (replayed.Profile is { } recorded)
            {
                // The replay's own sends and history stay: they are what caps and anniversaries count.
                profile = recorded with { History = profile.History, RecentSends = profile.RecentSends };
            }

            if (input is EventReceived received)
            {
                profile = profile with { History = [.. profile.History, received.Event] };
            }

            for (var i = 0; i < instances.Count; i++)
            {
                Record(i, JourneyInterpreter.Step(definition, instances[i], input, profile, now), now);
            }

            TryEnter(input, now);
        }

        private void TryEnter(JourneyInput input, DateTimeOffset now)
        {
            if (JourneyEntry.ShouldEnter(definition, instances, input, profile, now).Enter)
            {
                var result = JourneyInterpreter.Start(definition, profile, input, $"dry-run-{instances.Count + 1}", now);
                instances.Add(result.Instance);
                Record(instances.Count - 1, result, now);
            }
        }

        private void Record(int index, StepResult result, DateTimeOffset now)
        {
            instances[index] = result.Instance;
            foreach (var command in result.Commands)
            {
                commands.Add(new TimedCommand(now, command));
                switch (command)
                {
                    case NodeEntered entered:
                        path.Add(new PathStep(now, entered.InstanceId, entered.NodeId));
                        break;
                    case SendMessage message:
                        profile = profile with { RecentSends = [.. profile.RecentSends, new SentMessage(message.Channel, now)] };
                        break;
                    case ShowPopup:
                        profile = profile with { RecentSends = [.. profile.RecentSends, new SentMessage(Channel.Popup, now)] };
                        break;
                    case SetTrait trait:
                        profile = profile with { Traits = WithTrait(profile.Traits, trait.Trait, trait.Value) };
                        break;
                }
            }
        }

        private static JsonElement WithTrait(JsonElement traits, string name, JsonElement value)
        {
            var node = traits.ValueKind == JsonValueKind.Object ? JsonObject.Create(traits)! : [];
            node[name] = JsonNode.Parse(value.GetRawText());
            return JsonSerializer.SerializeToElement(node);
        }
    }
}
