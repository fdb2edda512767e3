using Journeys.Engine.Journeys;

namespace Journeys.Engine.Running;

/// <summary>
/// Runs every journey of one profile: applies version and status decisions to in-flight instances,
/// steps them with an input, and starts new instances the entry policies admit. Pure: the profile
/// grain keeps the state, handles the commands and sets one reminder for <see cref="NextDue"/>.
/// </summary>
public static class ProfileJourneys
{
    /// <summary>
    /// The newest finished instances kept for the profile's recent history. Older ones are dropped unless they are the
    /// newest of their journey (what "once" and "once per period" entry read) or their goal window is still open.
    /// </summary>
    public const int FinishedKept = 10;

    /// <param name="inputId">Unique and stable per input (e.g. the event's message id), so a replay starts the same instance ids.</param>
    public static ProfileJourneysResult Handle(
        IReadOnlyList<RunnableJourney> journeys,
        ProfileJourneysState state,
        JourneyInput input,
        string inputId,
        ProfileView profile,
        DateTimeOffset now)
    {
        var commands = new List<JourneyCommand>();
        var instances = Reconcile(journeys, state.Instances, profile, now, commands);
        var byId = journeys.ToDictionary(j => j.JourneyId);

        for (var i = 0; i < instances.Count; i++)
        {
            var instance = instances[i];
            if (!instance.IsLive && input is not EventReceived
                || !byId.TryGetValue(instance.JourneyId, out var journey)
                || journey.Status == JourneyRunStatus.Paused
                || !journey.Versions.TryGetValue(instance.Version, out var definition))
            {
                continue;
            }
            var result = JourneyInterpreter.Step(definition, instance, input, profile, now);
            instances[i] = result.Instance;
            commands.AddRange(result.Commands);
        }

        foreach (var journey in journeys.Where(j => j.Status == JourneyRunStatus.Active))
        {
            if (JourneyEntry.ShouldEnter(journey.Current, instances, input, profile, now).Enter)
            {
                var result = JourneyInterpreter.Start(journey.Current, profile, input, $"{journey.JourneyId}:{inputId}", now);
                instances.Add(result.Instance);
                commands.AddRange(result.Commands);
            }
        }

        // Date triggers are looked for from the first input on, so a reminder that fires late still finds a date it was set for.
        return new(state with { Instances = [.. Compact(instances, now)], DatesCheckedUntil = state.DatesCheckedUntil ?? now }, commands);
    }

    /// <summary>Fires due waits and date-relative triggers up to <paramref name="now"/>.</summary>
    public static ProfileJourneysResult HandleDue(IReadOnlyList<RunnableJourney> journeys, ProfileJourneysState state, ProfileView profile, DateTimeOffset now)
    {
        var commands = new List<JourneyCommand>();
        if (state.Instances.Any(i => i.NextDueAt <= now))
        {
            var timer = Handle(journeys, state, new TimerFired(), "timer:" + now.ToUnixTimeMilliseconds(), profile, now);
            state = timer.State;
            commands.AddRange(timer.Commands);
        }

        var checkedUntil = state.DatesCheckedUntil ?? now;
        foreach (var journey in journeys.Where(j => j.Status == JourneyRunStatus.Active && j.Current.Trigger is DateRelativeTrigger))
        {
            foreach (var reached in DateRelativeSchedule.DueBetween((DateRelativeTrigger)journey.Current.Trigger, profile, checkedUntil, now))
            {
                var due = Handle([journey], state, reached, $"date:{reached.DueAt.ToUnixTimeSeconds()}:{reached.Source?.MessageId}", profile, now);
                state = due.State;
                commands.AddRange(due.Commands);
            }
        }
        return new(state with { DatesCheckedUntil = now }, commands);
    }

    /// <summary>The earliest moment this profile needs waking: a wait coming due or a date trigger.</summary>
    public static DateTimeOffset? NextDue(IReadOnlyList<RunnableJourney> journeys, ProfileJourneysState state, ProfileView profile, DateTimeOffset now)
    {
        var paused = journeys.Where(j => j.Status == JourneyRunStatus.Paused).Select(j => j.JourneyId).ToHashSet();
        var waits = state.Instances.Where(i => !paused.Contains(i.JourneyId)).Select(i => i.NextDueAt);
        var dates = journeys
            .Where(j => j.Status == JourneyRunStatus.Active && j.Current.Trigger is DateRelativeTrigger)
            .Select(j => DateRelativeSchedule.NextAfter((DateRelativeTrigger)j.Current.Trigger, profile, state.DatesCheckedUntil ?? now));
        return waits.Concat(dates).Where(at => at is not null).Min();
    }

    /// <summary>Applies archive and newer-version decisions to live instances before they step.</summary>
    private static List<JourneyInstance> Reconcile(
        IReadOnlyList<RunnableJourney> journeys, IEnumerable<JourneyInstance> instances, ProfileView profile, DateTimeOffset now, List<JourneyCommand> commands)
    {
        var byId = journeys.ToDictionary(j => j.JourneyId);
        var result = new List<JourneyInstance>();
        foreach (var instance in instances)
        {
            if (!instance.IsLive || !byId.TryGetValue(instance.JourneyId, out var journey))
            {
                result.Add(instance);
                continue;
            }
            var decision = journey.Status == JourneyRunStatus.Archived
                ? new VersionPolicy(InFlightPolicy.Exit)
                : DecisionFor(journey, instance.Version);
            result.Add(decision.InFlight switch
            {
                InFlightPolicy.Exit => Finish(instance, journey.Status == JourneyRunStatus.Archived ? "archived" : "versionExit", now, commands),
                InFlightPolicy.Migrate => Migrate(instance, journey, decision, now, commands),
                _ => instance,
            });
        }
        return result;
    }

    /// <summary>The strongest decision among the versions published after the instance's: exit beats migrate beats keep.</summary>
    private static VersionPolicy DecisionFor(RunnableJourney journey, int version)
    {
        var later = journey.Policies.Where(p => p.Key > version && p.Key <= journey.CurrentVersion).OrderBy(p => p.Key).Select(p => p.Value).ToList();
        if (later.Any(p => p.InFlight == InFlightPolicy.Exit))
        {
            return new VersionPolicy(InFlightPolicy.Exit);
        }
        // Migration maps one version to the next; over several publications the mappings chain.
        return later.Count > 0 && later.All(p => p.InFlight == InFlightPolicy.Migrate)
            ? new VersionPolicy(InFlightPolicy.Migrate, Chain(later))
            : new VersionPolicy(InFlightPolicy.Keep);
    }

    private static Dictionary<string, string> Chain(List<VersionPolicy> policies)
    {
        var mapping = new Dictionary<string, string>();
        foreach (var (from, to) in policies[0].NodeMapping ?? new Dictionary<string, string>())
        {
            var target = to;
            foreach (var next in policies.Skip(1))
            {
                target = next.NodeMapping?.GetValueOrDefault(target) ?? target;
            }
            mapping[from] = target;
        }
        return mapping;
    }

    private static JourneyInstance Migrate(JourneyInstance instance, RunnableJourney journey, VersionPolicy decision, DateTimeOffset now, List<JourneyCommand> commands)
    {
        if (instance.CurrentNodeId is { } node && decision.NodeMapping?.GetValueOrDefault(node) is { } mapped && journey.Current.FindNode(mapped) is not null)
        {
            return instance with { Version = journey.CurrentVersion, CurrentNodeId = mapped };
        }
        return Finish(instance, "unmappedNode", now, commands);
    }

    private static JourneyInstance Finish(JourneyInstance instance, string reason, DateTimeOffset now, List<JourneyCommand> commands)
    {
        commands.Add(new InstanceFinished
        {
            Reason = reason,
            ProfileId = instance.ProfileId,
            JourneyId = instance.JourneyId,
            Version = instance.Version,
            InstanceId = instance.InstanceId,
            NodeId = instance.CurrentNodeId ?? string.Empty,
        });
        return instance with { Status = InstanceStatus.Exited, Wait = null, ExitReason = reason, FinishedAt = now };
    }

    /// <summary>Drops the finished instances <see cref="FinishedKept"/> says need not be kept.</summary>
    private static List<JourneyInstance> Compact(List<JourneyInstance> instances, DateTimeOffset now)
    {
        var finished = instances.Where(i => !i.IsLive).ToList();
        if (finished.Count <= FinishedKept)
        {
            return instances;
        }
        // By reference: a record's hash walks every field of every instance, on every event.
        var kept = finished.OrderByDescending(i => i.FinishedAt ?? i.EnteredAt).Take(FinishedKept)
            .Concat(finished.GroupBy(i => i.JourneyId).Select(journey => journey.MaxBy(i => i.EnteredAt)!))
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var dropped = finished.Where(i => !kept.Contains(i) && i.CanBeForgotten(now)).ToHashSet(ReferenceEqualityComparer.Instance);
        return dropped.Count == 0 ? instances : instances.Where(i => !dropped.Contains(i)).ToList();
    }
}
