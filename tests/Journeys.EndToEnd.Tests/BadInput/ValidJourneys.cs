using System.Text.Json.Nodes;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Generates journeys the validator accepts: a trigger, a chain of random nodes whose side exits end at <c>done</c>.</summary>
public static class ValidJourneys
{
    private const string Done = "done";

    private static readonly string[] NodeTypes =
        ["wait", "waitForEvent", "condition", "split", "holdout", "message", "popup", "issuePromoCode", "awardPoints", "setTrait", "webhook"];

    private static readonly string[] Waiting = ["wait", "waitForEvent"];

    private static Gen<JsonObject> Leaf => Gen.OneOf(
        Gen.OneOf<string>("FR", "BE", "DE").Array[1, 3].Select(v => Field("traits.country", "in", new JsonArray([.. v.Select(c => (JsonNode)c)]))),
        Gen.Int[0, 20].Select(n => Field("computed.bookings", "gte", n)),
        Gen.OneOf<string>("P30D", "P7D", "PT12H").Select(d => Field("traits.lastTripAt", "withinLast", d)),
        Gen.OneOf<string>("gold", "silver").Select(p => Field("traits.plan", "eq", p)),
        Gen.Const(Field("traits.email", "exists", null)));

    private static Gen<string> Duration => Gen.OneOf(
        Gen.Int[1, 48].Select(h => $"PT{h}H"), Gen.Int[1, 30].Select(d => $"P{d}D"), Gen.Int[1, 90].Select(m => $"PT{m}M"));

    public static Gen<ValidJourney> Any =>
        from types in Gen.OneOf<string>(NodeTypes).Array[1, 7]
        from durations in Duration.Array[8]
        from leaves in Leaf.Array[8]
        from numbers in Gen.Int[1, 99].Array[8]
        from name in ValidEvents.Word
        from trigger in Gen.OneOf<string>("event", "event", "segmentEntry", "api")
        from entry in Gen.OneOf<string>("always", "once", "oncePerPeriod")
        from goal in Gen.Bool
        from policies in Gen.Bool
        from triggerCondition in Gen.Bool
        select Build(types, durations, leaves, numbers, name, trigger, entry, goal, policies, triggerCondition);

    private static ValidJourney Build(
        string[] types, string[] durations, JsonObject[] leaves, int[] numbers, string name,
        string triggerType, string entryMode, bool goal, bool policies, bool triggerCondition)
    {
        var exits = new List<(string, int)> { ("trigger.next", -1) };
        var durationPaths = new List<string>();
        var conditionPaths = new List<string>();
        var triggerJson = new JsonObject { ["type"] = triggerType, ["next"] = "n0" };
        if (triggerType == "event")
        {
            triggerJson["event"] = "Cart Updated";
            if (triggerCondition)
            {
                triggerJson["condition"] = leaves[7].DeepClone();
                conditionPaths.Add("trigger.condition");
            }
        }
        else if (triggerType == "segmentEntry")
        {
            triggerJson["segment"] = "frequent-" + name;
        }

        var body = new JsonObject { ["name"] = name, ["trigger"] = triggerJson, ["entry"] = new JsonObject { ["mode"] = entryMode } };
        if (entryMode == "oncePerPeriod")
        {
            body["entry"]!["period"] = durations[7];
            durationPaths.Add("entry.period");
        }
        if (goal)
        {
            body["goal"] = new JsonObject { ["event"] = "Order Completed", ["window"] = durations[6] };
            durationPaths.Add("goal.window");
        }
        if (policies)
        {
            body["policies"] = new JsonObject
            {
                ["quietHours"] = new JsonObject { ["start"] = "21:00", ["end"] = "08:00" },
                ["frequencyCaps"] = new JsonArray(new JsonObject { ["channel"] = "email", ["max"] = 3, ["period"] = "P7D", ["onExceeded"] = "suppress" }),
            };
            durationPaths.Add("policies.frequencyCaps[0].period");
        }

        var nodes = new JsonArray();
        for (var i = 0; i < types.Length; i++)
        {
            var at = $"nodes[{i}]";
            var next = i + 1 < types.Length ? $"n{i + 1}" : Done;
            var node = new JsonObject { ["id"] = $"n{i}", ["type"] = types[i] };
            var mainExit = types[i] == "condition" ? "ifTrue" : types[i] == "split" ? "branches[0].next" : "next";
            exits.Add(($"{at}.{mainExit}", i));
            switch (types[i])
            {
                case "wait":
                    node["duration"] = durations[i];
                    durationPaths.Add($"{at}.duration");
                    break;
                case "waitForEvent":
                    node["event"] = "Order Completed";
                    node["correlateOn"] = "cartId";
                    node["timeout"] = durations[i];
                    node["timeoutNext"] = Done;
                    durationPaths.Add($"{at}.timeout");
                    exits.Add(($"{at}.timeoutNext", i));
                    break;
                case "condition":
                    node["condition"] = leaves[i].DeepClone();
                    node["ifTrue"] = next;
                    node["ifFalse"] = Done;
                    conditionPaths.Add($"{at}.condition");
                    exits.Add(($"{at}.ifFalse", i));
                    break;
                case "split":
                    node["branches"] = new JsonArray(
                        new JsonObject { ["name"] = "a", ["weight"] = numbers[i], ["next"] = next },
                        new JsonObject { ["name"] = "b", ["weight"] = 100 - numbers[i], ["next"] = Done });
                    exits.Add(($"{at}.branches[1].next", i));
                    break;
                case "holdout":
                    node["percent"] = numbers[i];
                    node["controlNext"] = Done;
                    exits.Add(($"{at}.controlNext", i));
                    break;
                case "message":
                    node["channel"] = new[] { "email", "sms", "push", "telegram" }[numbers[i] % 4];
                    node["topic"] = "offers";
                    node["template"] = new JsonObject { ["subject"] = "Hello {{ traits.firstName }}", ["body"] = "<p>{{ journey.id }} for {{ profile.id }}</p>" };
                    break;
                case "popup":
                    node["template"] = new JsonObject { ["body"] = "Back on the {{ computed.lastTrip.road | default: 'road' }}?" };
                    node["expiresAfter"] = "PT30M";
                    break;
                case "issuePromoCode":
                    node["campaign"] = "spring-" + numbers[i];
                    break;
                case "awardPoints":
                    node["points"] = numbers[i] * 10;
                    break;
                case "setTrait":
                    node["trait"] = "fuzzed";
                    node["value"] = numbers[i];
                    break;
                case "webhook":
                    node["url"] = "https://hooks.example/journeys/" + numbers[i];
                    break;
            }
            if (types[i] is not ("condition" or "split"))
            {
                node["next"] = next;
            }
            nodes.Add(node);
        }
        nodes.Add(new JsonObject { ["id"] = Done, ["type"] = "exit" });
        body["nodes"] = nodes;
        return new ValidJourney(body, exits, durationPaths, conditionPaths, [.. types.Select(t => (t, Waiting.Contains(t)))]);
    }

    private static JsonObject Field(string field, string op, JsonNode? value)
    {
        var leaf = new JsonObject { ["type"] = "field", ["field"] = field, ["op"] = op };
        if (value is not null)
        {
            leaf["value"] = value;
        }
        return leaf;
    }
}
