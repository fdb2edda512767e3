using Journeys.Engine.Conditions;

namespace Journeys.Engine.Journeys;

/// <summary>Checks a journey definition and returns every problem with its location (e.g. <c>nodes[3].next</c>).</summary>
public static class JourneyValidator
{
    public static IReadOnlyList<ValidationError> Validate(JourneyDefinition definition)
    {
        // JSON null in a list reaches here as a null entry (nullable annotations do not cover list items); every rule below reads them.
        if (NullEntries(definition).ToList() is { Count: > 0 } nulls)
        {
            return nulls;
        }

        var errors = new List<ValidationError>();
        var index = IndexNodes(definition, errors);
        ValidateHeader(definition, errors);
        ValidateTrigger(definition.Trigger, index, errors);
        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            ValidateNode(definition.Nodes[i], $"nodes[{i}]", index, errors);
        }

        ValidateReachability(definition, index, errors);
        ValidateCycles(definition, index, errors);
        return errors;
    }

    private static IEnumerable<ValidationError> NullEntries(JourneyDefinition definition)
    {
        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            if (definition.Nodes[i] is null)
            {
                yield return new($"nodes[{i}]", "a node object is required, not null");
            }
            else if (definition.Nodes[i] is SplitNode split)
            {
                for (var b = 0; b < split.Branches.Count; b++)
                {
                    if (split.Branches[b] is null)
                    {
                        yield return new($"nodes[{i}].branches[{b}]", "a branch object is required, not null");
                    }
                }
            }
        }

        for (var c = 0; c < definition.Policies.FrequencyCaps.Count; c++)
        {
            if (definition.Policies.FrequencyCaps[c] is null)
            {
                yield return new($"policies.frequencyCaps[{c}]", "a cap object is required, not null");
            }
        }
    }

    private static Dictionary<string, int> IndexNodes(JourneyDefinition definition, List<ValidationError> errors)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            var id = definition.Nodes[i].Id;
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.Add(new($"nodes[{i}].id", "a node id is required"));
            }
            else if (!index.TryAdd(id, i))
            {
                errors.Add(new($"nodes[{i}].id", $"duplicate node id '{id}' (first at nodes[{index[id]}])"));
            }
        }

        return index;
    }

    private static void ValidateHeader(JourneyDefinition definition, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            errors.Add(new("id", "a journey id is required"));
        }

        if (definition.Version < 1)
        {
            errors.Add(new("version", "versions start at 1"));
        }

        if (definition.Entry is { Mode: EntryMode.OncePerPeriod, Period: null or { Ticks: <= 0 } })
        {
            errors.Add(new("entry.period", "'oncePerPeriod' needs a positive period"));
        }

        if (definition.Goal is { } goal)
        {
            Require(goal.Event, "goal.event", errors);
            Positive(goal.Window, "goal.window", errors);
            Conditions(goal.Condition, "goal.condition", errors);
        }

        if (definition.Policies.QuietHours is { } quiet && quiet.Start == quiet.End)
        {
            errors.Add(new("policies.quietHours", "start and end are equal"));
        }

        for (var i = 0; i < definition.Policies.FrequencyCaps.Count; i++)
        {
            var cap = definition.Policies.FrequencyCaps[i];
            if (cap.Max < 1)
            {
                errors.Add(new($"policies.frequencyCaps[{i}].max", "a cap allows at least one send"));
            }

            Positive(cap.Period, $"policies.frequencyCaps[{i}].period", errors);
        }
    }

    private static void ValidateTrigger(JourneyTrigger trigger, Dictionary<string, int> index, List<ValidationError> errors)
    {
        Target(trigger.Next, "trigger.next", optional: false, index, errors);
        switch (trigger)
        {
            case EventTrigger @event:
                Require(@event.Event, "trigger.event", errors);
                Conditions(@event.Condition, "trigger.condition", errors);
                break;
            case SegmentEntryTrigger segment:
                Require(segment.Segment, "trigger.segment", errors);
                break;
            case DateRelativeTrigger date:
                if ((date.DateField is null) == (date.AnniversaryOf is null))
                {
                    errors.Add(new("trigger", "a date-relative trigger needs exactly one of dateField and anniversaryOf"));
                }

                if (date.DateField is not null && !FieldPath.TryParse(date.DateField, out _))
                {
                    errors.Add(new("trigger.dateField", $"'{date.DateField}' is not a field path such as traits.passExpiresAt"));
                }

                if (date.AnniversaryOf is { } anniversary)
                {
                    Require(anniversary.Event, "trigger.anniversaryOf.event", errors);
                    Conditions(anniversary.Condition, "trigger.anniversaryOf.condition", errors);
                }

                break;
        }
    }

    private static void ValidateNode(JourneyNode node, string at, Dictionary<string, int> index, List<ValidationError> errors)
    {
        foreach (var exit in node.Exits())
        {
            Target(exit.Target, $"{at}.{exit.Property}", exit.Optional, index, errors);
        }

        switch (node)
        {
            case WaitNode wait:
                Positive(wait.Duration, $"{at}.duration", errors);
                break;
            case WaitUntilDateNode until when !FieldPath.TryParse(until.DateField, out _):
                errors.Add(new($"{at}.dateField", $"'{until.DateField}' is not a field path such as traits.passExpiresAt"));
                break;
            case WaitForEventNode waitForEvent:
                Require(waitForEvent.Event, $"{at}.event", errors);
                Positive(waitForEvent.Timeout, $"{at}.timeout", errors);
                Conditions(waitForEvent.Condition, $"{at}.condition", errors);
                break;
            case ConditionNode condition:
                Conditions(condition.Condition, $"{at}.condition", errors);
                break;
            case SplitNode split:
                ValidateSplit(split, at, errors);
                break;
            case HoldoutNode { Percent: <= 0 or >= 100 }:
                errors.Add(new($"{at}.percent", "a holdout percent lies strictly between 0 and 100"));
                break;
            case MessageNode message:
                if (message.Channel == Channel.Popup)
                {
                    errors.Add(new($"{at}.channel", "popups are 'popup' nodes, not messages"));
                }

                Require(message.Topic, $"{at}.topic", errors);
                Template(message.Template, $"{at}.template", errors);
                break;
            case PopupNode popup:
                Template(popup.Template, $"{at}.template", errors);
                break;
            case AwardPointsNode { Points: <= 0 }:
                errors.Add(new($"{at}.points", "points awarded are positive"));
                break;
            case IssuePromoCodeNode promo:
                Require(promo.Campaign, $"{at}.campaign", errors);
                break;
            case IssueVoucherNode voucher:
                Require(voucher.VoucherType, $"{at}.voucherType", errors);
                break;
            case SetTraitNode trait:
                Require(trait.Trait, $"{at}.trait", errors);
                break;
            case WebhookNode webhook:
                if (!webhook.Url.IsAbsoluteUri || webhook.Url.Scheme is not ("https" or "http"))
                {
                    errors.Add(new($"{at}.url", "an absolute http(s) URL is required"));
                }

                Liquid(webhook.Body, $"{at}.body", errors);
                break;
        }
    }

    private static void ValidateSplit(SplitNode split, string at, List<ValidationError> errors)
    {
        if (split.Branches.Count < 2)
        {
            errors.Add(new($"{at}.branches", "a split needs at least two branches"));
        }

        for (var i = 0; i < split.Branches.Count; i++)
        {
            if (split.Branches[i].Weight <= 0)
            {
                errors.Add(new($"{at}.branches[{i}].weight", "weights are positive"));
            }
        }

        var total = split.Branches.Sum(branch => branch.Weight);
        if (Math.Abs(total - 100) > 1e-9)
        {
            errors.Add(new($"{at}.branches", $"weights sum to {total}, not 100"));
        }

        foreach (var duplicate in split.Branches.GroupBy(branch => branch.Name).Where(group => group.Count() > 1))
        {
            errors.Add(new($"{at}.branches", $"branch name '{duplicate.Key}' is used twice"));
        }
    }

    private static void ValidateReachability(JourneyDefinition definition, Dictionary<string, int> index, List<ValidationError> errors)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([definition.Trigger.Next]);
        while (pending.TryPop(out var id))
        {
            if (index.TryGetValue(id ?? string.Empty, out var i) && reached.Add(id!))
            {
                foreach (var exit in definition.Nodes[i].Exits().Where(exit => exit.Target is not null))
                {
                    pending.Push(exit.Target!);
                }
            }
        }

        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(definition.Nodes[i].Id) && !reached.Contains(definition.Nodes[i].Id))
            {
                errors.Add(new($"nodes[{i}]", $"node '{definition.Nodes[i].Id}' is unreachable from the trigger"));
            }
        }
    }

    /// <summary>A cycle is fine when some node on it waits; one that does not would spin within a single step.</summary>
    private static void ValidateCycles(JourneyDefinition definition, Dictionary<string, int> index, List<ValidationError> errors)
    {
        var state = new int[definition.Nodes.Count]; // 0 unseen, 1 on the current path, 2 done
        var reported = new HashSet<int>();
        for (var i = 0; i < definition.Nodes.Count; i++)
        {
            Visit(i);
        }

        void Visit(int i)
        {
            if (state[i] != 0 || definition.Nodes[i].Waits)
            {
                return;
            }

            state[i] = 1;
            foreach (var exit in definition.Nodes[i].Exits())
            {
                if (exit.Target is null || !index.TryGetValue(exit.Target, out var j) || definition.Nodes[j].Waits)
                {
                    continue;
                }

                if (state[j] == 1 && reported.Add(j))
                {
                    errors.Add(new($"nodes[{i}].{exit.Property}", $"cycle back to '{exit.Target}' without a wait: it would loop within one step"));
                }

                Visit(j);
            }

            state[i] = 2;
        }
    }

    private static void Target(string? target, string at, bool optional, Dictionary<string, int> index, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            if (!optional)
            {
                errors.Add(new(at, "an exit target is required"));
            }
        }
        else if (!index.ContainsKey(target))
        {
            errors.Add(new(at, $"unknown exit target '{target}'"));
        }
    }

    private static void Template(MessageTemplate template, string at, List<ValidationError> errors)
    {
        if (template.Id is null && template.Body is null)
        {
            errors.Add(new(at, "a template id or an inline body is required"));
        }

        Liquid(template.Subject, $"{at}.subject", errors);
        Liquid(template.Body, $"{at}.body", errors);
    }

    private static void Liquid(string? text, string at, List<ValidationError> errors)
    {
        if (text is not null)
        {
            errors.AddRange(LiquidTemplateChecker.Check(text, LiquidTemplateChecker.JourneyRoots).Select(message => new ValidationError(at, message)));
        }
    }

    private static void Conditions(Condition? condition, string at, List<ValidationError> errors)
    {
        if (condition is not null)
        {
            errors.AddRange(ConditionValidator.Validate(condition, at));
        }
    }

    private static void Require(string? value, string at, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(at, "a value is required"));
        }
    }

    private static void Positive(TimeSpan value, string at, List<ValidationError> errors)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add(new(at, "a positive duration is required"));
        }
    }
}
