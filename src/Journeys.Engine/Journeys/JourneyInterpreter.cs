namespace Journeys.Engine.Journeys;

/// <summary>
/// The pure journey interpreter: (definition, instance, input, time, profile) in; new instance and
/// commands out. No clock, no I/O: the same arguments always give the same result.
/// </summary>
public static class JourneyInterpreter
{
    /// <summary>Nodes one step may execute without waiting; more means a runaway loop, and the instance is ended.</summary>
    public const int MaxNodesPerStep = 100;

    /// <summary>Starts an instance the entry policy admitted (see <see cref="JourneyEntry.ShouldEnter"/>).</summary>
    /// <param name="instanceId">Chosen by the caller; deriving it from the trigger's message id keeps replays idempotent.</param>
    public static StepResult Start(JourneyDefinition definition, ProfileView profile, JourneyInput trigger, string instanceId, DateTimeOffset now)
    {
        var context = JourneyEntry.ContextOf(trigger);
        var instance = new JourneyInstance
        {
            InstanceId = instanceId,
            JourneyId = definition.Id,
            Version = definition.Version,
            ProfileId = profile.ProfileId,
            EnteredAt = now,
            CorrelationValue = JourneyEntry.CorrelationValueOf(definition.Entry.CorrelationKey, context),
            Context = context,
            TriggerEvent = trigger switch
            {
                EventReceived received => received.Event,
                DateReached reached => reached.Source,
                _ => null,
            },
            GoalDeadline = definition.Goal is null ? null : now + definition.Goal.Window,
        };
        var run = new StepRun(definition, instance, profile, now, instance.TriggerEvent);
        run.Continue(definition.Trigger.Next);
        return run.Result();
    }

    /// <summary>Advances an instance by one input. An input that concerns it not returns it unchanged with no commands.</summary>
    public static StepResult Step(JourneyDefinition definition, JourneyInstance instance, JourneyInput input, ProfileView profile, DateTimeOffset now)
    {
        if (definition.Id != instance.JourneyId || definition.Version != instance.Version)
        {
            throw new ArgumentException($"Instance {instance.InstanceId} runs {instance.JourneyId} v{instance.Version}, not {definition.Id} v{definition.Version}.", nameof(definition));
        }

        var @event = (input as EventReceived)?.Event;
        var run = new StepRun(definition, instance, profile, now, @event ?? instance.TriggerEvent);
        switch (input)
        {
            case EventReceived received:
                run.OnEvent(received.Event);
                break;
            case TimerFired:
                run.OnTimer();
                break;
        }

        return run.Result();
    }
}
