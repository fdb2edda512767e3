using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>The mutable scratchpad of one interpreter call; only its result escapes.</summary>
internal sealed class StepRun(JourneyDefinition definition, JourneyInstance instance, ProfileView profile, DateTimeOffset now, JourneyEvent? currentEvent)
{
    private readonly List<JourneyCommand> commands = [];
    private readonly List<SentMessage> sentThisStep = [];
    private JourneyInstance instance = instance;
    private int executed;

    public StepResult Result() => new(instance, commands);

    public void OnEvent(JourneyEvent @event)
    {
        // The awaited event moves the instance first, so its path shows where it left; the goal then counts either way.
        if (instance is { IsLive: true, Wait.Kind: WaitKind.Event }
            && Current() is WaitForEventNode node
            && node.Event == @event.Name
            && Correlates(node, @event)
            && (node.Condition is null || ConditionEvaluator.Evaluate(node.Condition, Fields(), now)))
        {
            ExitCurrent("event");
            Continue(node.Next);
        }

        if (GoalReached(@event))
        {
            Add(instance.CurrentNodeId ?? definition.Trigger.Next, new Converted
            {
                ControlGroup = instance.InControlGroup,
                TreatmentGroup = instance.InTreatmentGroup,
                EventMessageId = @event.MessageId,
            });
            instance = instance with { Converted = true };
            if (instance.IsLive && definition.Policies.ExitOnGoal)
            {
                ExitCurrent("goal");
                Finish(InstanceStatus.Exited, "goal");
            }
        }
    }

    public void OnTimer()
    {
        if (instance is not { IsLive: true, Wait: { } wait } || wait.DueAt > now)
        {
            return;
        }

        var node = Current();
        switch (wait.Kind, node)
        {
            case (WaitKind.Event, WaitForEventNode waitForEvent):
                ExitCurrent("timeout");
                Continue(waitForEvent.TimeoutNext);
                break;
            case (WaitKind.Deferred, { } deferred):
                Proceed(deferred);
                break;
            case (_, ActionNode waiting):
                ExitCurrent("elapsed");
                Continue(waiting.Next);
                break;
            default:
                Finish(InstanceStatus.Exited, "unknownNode");
                break;
        }
    }

    public void Continue(string? nodeId)
    {
        while (nodeId is not null && instance.IsLive)
        {
            if (++executed > JourneyInterpreter.MaxNodesPerStep)
            {
                Finish(InstanceStatus.Exited, "loopLimit");
                return;
            }

            var node = definition.FindNode(nodeId);
            if (node is null)
            {
                Finish(InstanceStatus.Exited, "unknownNode");
                return;
            }

            instance = instance with
            {
                CurrentNodeId = node.Id,
                Wait = null,
                NodeVisits = instance.NodeVisits.SetItem(node.Id, instance.NodeVisits.GetValueOrDefault(node.Id) + 1),
            };
            Add(node.Id, new NodeEntered());
            nodeId = Execute(node);
        }
    }

    /// <summary>Runs a node already entered (used for deferred retries) and carries on.</summary>
    private void Proceed(JourneyNode node)
    {
        instance = instance with { Wait = null };
        Continue(Execute(node));
    }

    /// <summary>Executes a node and returns the next node id, or null when the instance waits or ends.</summary>
    private string? Execute(JourneyNode node)
    {
        switch (node)
        {
            case WaitNode wait:
                return Park(WaitKind.Duration, now + wait.Duration, wait.Next);
            case WaitUntilTimeNode until:
                return Park(WaitKind.TimeOfDay, LocalClock.NextTime(now, profile.ResolveTimeZone(), until.Time, until.Weekdays), until.Next);
            case WaitUntilDateNode until:
                return WaitUntilDate(until);
            case WaitForEventNode waitForEvent:
                instance = instance with
                {
                    Wait = new PendingWait(WaitKind.Event, now + waitForEvent.Timeout, CorrelationOf(waitForEvent)),
                };
                return null;
            case ConditionNode condition:
                var holds = ConditionEvaluator.Evaluate(condition.Condition, Fields(), now);
                return Leave(holds ? "true" : "false", holds ? condition.IfTrue : condition.IfFalse);
            case SplitNode split:
                var branch = split.Branches[SplitAssignment.ChooseBranch(split.Branches, Bucket(split))];
                return Leave(branch.Name, branch.Next);
            case HoldoutNode holdout when Bucket(holdout) < holdout.Percent:
                instance = instance with { InControlGroup = true };
                return holdout.ControlNext is null ? End(InstanceStatus.Completed, "controlGroup") : Leave("control", holdout.ControlNext);
            case HoldoutNode holdout:
                instance = instance with { InTreatmentGroup = true };
                return Leave("treatment", holdout.Next);
            case MessageNode message:
                return Message(message);
            case PopupNode popup:
                return Popup(popup);
            case IssuePromoCodeNode promo:
                return Act(promo, new IssuePromoCode { Campaign = promo.Campaign });
            case IssueVoucherNode voucher:
                return Act(voucher, new IssueVoucher
                {
                    VoucherType = voucher.VoucherType,
                    Amount = voucher.Amount,
                    Currency = voucher.Currency,
                });
            case AwardPointsNode points:
                return Act(points, new AwardPoints { Points = points.Points, Reason = points.Reason });
            case SetTraitNode trait:
                return Act(trait, new SetTrait { Trait = trait.Trait, Value = trait.Value });
            case WebhookNode webhook:
                return Act(webhook, new CallWebhook
                {
                    Url = webhook.Url,
                    Method = webhook.Method,
                    Body = webhook.Body,
                    Context = instance.Context,
                });
            case ExitNode exit:
                return End(InstanceStatus.Completed, exit.Reason ?? "completed");
            default:
                return End(InstanceStatus.Exited, "unknownNode");
        }
    }

    private string? WaitUntilDate(WaitUntilDateNode node)
    {
        if (!FieldPath.TryParse(node.DateField, out var path)
            || !Fields().TryGetValue(path, out var value)
            || !ConditionEvaluator.TryDate(value, out var date))
        {
            return node.MissingNext is null ? End(InstanceStatus.Exited, "dateMissing") : Leave("missing", node.MissingNext);
        }

        return Park(WaitKind.Date, date + node.Offset, node.Next);
    }

    /// <summary>Waits until <paramref name="dueAt"/>, or goes straight on when that is not in the future.</summary>
    private string? Park(WaitKind kind, DateTimeOffset dueAt, string next)
    {
        if (dueAt <= now)
        {
            return Leave("elapsed", next);
        }

        instance = instance with { Wait = new PendingWait(kind, dueAt) };
        return null;
    }

    private string? Message(MessageNode node)
    {
        if (profile.Unreachable(node.Channel, node.Topic) is { } unreachable)
        {
            return Suppress(node, unreachable);
        }

        if (definition.Policies.QuietHours is { } quiet
            && quiet.Channels.Contains(node.Channel)
            && LocalClock.IsQuiet(now, profile.ResolveTimeZone(), quiet))
        {
            return Defer(node, "quietHours", LocalClock.NextTime(now, profile.ResolveTimeZone(), quiet.End, []));
        }

        if (CapReached(node, node.Channel, out var capped))
        {
            return capped;
        }

        return Send(node, node.Channel, new SendMessage
        {
            Channel = node.Channel,
            Topic = node.Topic,
            Template = node.Template,
            Context = instance.Context,
        });
    }

    private string? Popup(PopupNode node)
    {
        if (CapReached(node, Channel.Popup, out var capped))
        {
            return capped;
        }

        return Send(node, Channel.Popup, new ShowPopup
        {
            Template = node.Template,
            ExpiresAt = now + node.ExpiresAfter,
            Context = instance.Context,
        });
    }

    /// <summary>True when a frequency cap of the channel is full; <paramref name="next"/> is then where the flow goes.</summary>
    private bool CapReached(ActionNode node, Channel channel, out string? next)
    {
        foreach (var cap in definition.Policies.FrequencyCaps.Where(cap => cap.Channel == channel))
        {
            var since = now - cap.Period;
            var inWindow = profile.RecentSends.Concat(sentThisStep)
                .Where(sent => sent.Channel == channel && sent.At > since && sent.At <= now)
                .Select(sent => sent.At)
                .Order()
                .ToList();
            if (inWindow.Count >= cap.Max)
            {
                // Deferring to the moment enough old sends leave the window frees exactly one slot.
                next = cap.OnExceeded == CapAction.Defer
                    ? Defer(node, "frequencyCap", inWindow[inWindow.Count - cap.Max] + cap.Period)
                    : Suppress(node, "frequencyCap");
                return true;
            }
        }

        next = null;
        return false;
    }

    private string? Send(ActionNode node, Channel channel, ActionCommand command)
    {
        sentThisStep.Add(new SentMessage(channel, now));
        return Act(node, command);
    }

    private string? Act(ActionNode node, ActionCommand command)
    {
        // The visit number tells loop iterations apart and stays the same when a deferred action is retried.
        Add(node.Id, command with { DedupeKey = DedupeKeys.For(instance, node.Id) });
        return Leave("done", node.Next);
    }

    private string? Suppress(ActionNode node, string reason)
    {
        Add(node.Id, new Suppressed { Reason = reason });
        return Leave("suppressed", node.Next);
    }

    private string? Defer(ActionNode node, string reason, DateTimeOffset until)
    {
        Add(node.Id, new Deferred { Reason = reason, Until = until });
        instance = instance with { Wait = new PendingWait(WaitKind.Deferred, until) };
        return null;
    }

    private string? Leave(string outcome, string next)
    {
        ExitCurrent(outcome);
        return next;
    }

    private string? End(InstanceStatus status, string reason)
    {
        Finish(status, reason);
        return null;
    }

    private void ExitCurrent(string outcome)
    {
        if (instance.CurrentNodeId is { } nodeId)
        {
            Add(nodeId, new NodeExited { Outcome = outcome });
        }
    }

    private void Finish(InstanceStatus status, string reason)
    {
        Add(instance.CurrentNodeId ?? definition.Trigger.Next, new InstanceFinished { Reason = reason });
        instance = instance with { Status = status, ExitReason = reason, FinishedAt = now, Wait = null };
    }

    private bool GoalReached(JourneyEvent @event) =>
        definition.Goal is { } goal
        && !instance.Converted
        && goal.Event == @event.Name
        && now <= instance.GoalDeadline
        && (goal.Condition is null || ConditionEvaluator.Evaluate(goal.Condition, Fields(), now));

    private bool Correlates(WaitForEventNode node, JourneyEvent @event) =>
        node.CorrelateOn is null
        || (instance.Wait?.CorrelationValue is { } expected
            && JourneyEntry.CorrelationValueOf(node.CorrelateOn, @event.Properties) == expected);

    private string? CorrelationOf(WaitForEventNode node) => JourneyEntry.CorrelationValueOf(node.CorrelateOn, instance.Context);

    private JourneyNode? Current() => definition.FindNode(instance.CurrentNodeId);

    private IFieldSource Fields() => FieldSources.For(profile, currentEvent, instance.Context);

    private double Bucket(JourneyNode node) => SplitAssignment.Bucket(instance.ProfileId, instance.JourneyId, node.Id);

    /// <summary>Stamps the instance's identity on a command and records it.</summary>
    private void Add(string nodeId, JourneyCommand command) => commands.Add(command with
    {
        ProfileId = instance.ProfileId,
        JourneyId = instance.JourneyId,
        Version = instance.Version,
        InstanceId = instance.InstanceId,
        NodeId = nodeId,
    });
}
