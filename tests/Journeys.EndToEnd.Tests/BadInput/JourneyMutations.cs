using System.Text.Json.Nodes;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Breaks a valid journey (dangling edges, cycles, bad conditions, bad durations, wrong types...) and says where.</summary>
public static class JourneyMutations
{
    /// <summary>The broken body, the mutation's name and the error keys of which one must be reported.</summary>
    public sealed record Broken(JsonObject Body, string Mutation, string[] AnyOfPaths);

    public static Gen<Broken> Of(ValidJourney j) => Gen.Frequency(
        (4, from exit in Gen.OneOf<(string Path, int Node)>([.. j.Exits])
            from ghost in ValidEvents.Word
            select Set(j, exit.Path, "ghost-" + ghost, "dangling edge", exit.Path)),
        (2, SelfLoop(j)),
        (3, j.Conditions.Count == 0 ? SelfLoop(j) : BadCondition(j)),
        (3, j.Durations.Count == 0 ? SelfLoop(j) : BadDuration(j)),
        (4, from i in Gen.Int[0, j.Nodes.Count - 1]
            from broken in NodeField(j, i)
            select broken),
        (2, from i in Gen.Int[0, j.Nodes.Count - 1]
            from type in Gen.OneOf<string>("teleport", "Wait", "")
            select Set(j, $"nodes[{i}].type", type, "unknown node type", $"nodes[{i}]", $"nodes[{i}].type")),
        (1, Gen.Int[0, j.Nodes.Count - 1].Select(i => Remove(j, $"nodes[{i}].type", "node without type", $"nodes[{i}].type"))),
        (2, Gen.Int[0, j.Nodes.Count - 1].Select(i => Remove(j, $"nodes[{i}].id", "node without id", $"nodes[{i}].id"))),
        (1, Gen.Const(Remove(j, "trigger", "no trigger", "trigger"))),
        (1, Gen.Const(Remove(j, "nodes", "no nodes", "nodes"))),
        (1, Gen.Const(Remove(j, "trigger.next", "trigger without next", "trigger.next"))),
        (1, Gen.OneOf<string>("teleport", "Event", "").Select(t => Set(j, "trigger.type", t, "unknown trigger type", "trigger", "trigger.type"))),
        (2, Gen.Int[1, Math.Max(1, j.Nodes.Count - 1)].Select(i => Edit(j, "duplicate node id", [$"nodes[{i}].id"], body => body["nodes"]![i]!["id"] = i == 0 ? "done" : "n0"))),
        (1, Gen.Int[0, j.Nodes.Count].Select(i => Edit(j, "null node", [$"nodes[{i}]"], body => body["nodes"]![i] = null))),
        (1, Gen.OneOf<string>("5", "\"x\"").Select(v => SetJson(j, "nodes", v, "nodes not a list", "nodes"))),
        (1, Gen.Const(SetJson(j, "nodes", "[]", "no nodes in the list", "nodes", "trigger.next"))),
        (1, Gen.OneOf<string>("\"sometimes\"", "3").Select(v => SetJson(j, "entry.mode", v, "unknown entry mode", "entry.mode"))),
        (1, Gen.Const(Edit(j, "oncePerPeriod without period", ["entry.period"], body => body["entry"] = new JsonObject { ["mode"] = "oncePerPeriod" }))),
        (1, Gen.OneOf<string>("5", "{}", "[]").Select(v => SetJson(j, "name", v, "name not a string", "name"))));

    private static Gen<Broken> SelfLoop(ValidJourney j)
    {
        var candidates = j.Exits.Where(e => e.Node >= 0 && !j.Nodes[e.Node].Waits).GroupBy(e => e.Node).Select(g => g.First()).ToArray();
        return candidates.Length == 0
            ? Gen.Const(Set(j, "trigger.next", "ghost", "dangling edge", "trigger.next"))
            : Gen.OneOf<(string Path, int Node)>(candidates).Select(e => Set(j, e.Path, $"n{e.Node}", "cycle without a wait", e.Path));
    }

    private static Gen<Broken> BadCondition(ValidJourney j) =>
        from at in Gen.OneOf<string>([.. j.Conditions])
        from mutation in Gen.OneOf<(string Member, string Json, string Name)>(
            ("op", "\"like\"", "unknown operator"), ("op", "\"\"", "empty operator"), ("field", "\"nowhere.x\"", "unknown field root"),
            ("field", "\"\"", "empty field"), ("field", "7", "field not a string"))
        select SetJson(j, $"{at}.{mutation.Member}", mutation.Json, mutation.Name, $"{at}.{mutation.Member}");

    private static Gen<Broken> BadDuration(ValidJourney j) =>
        from at in Gen.OneOf<string>([.. j.Durations])
        from value in Gen.OneOf<string>("\"soon\"", "\"P1X\"", "\"PT\"", "\"-PT1H\"", "\"PT0S\"", "5", "\"\"", "\"P99999999999D\"", "\"PT99999999999999H\"", "\"1 hour\"", "null", "{}")
        select SetJson(j, at, value, "bad duration: " + value, at);

    private static Gen<Broken> NodeField(ValidJourney j, int i)
    {
        var at = $"nodes[{i}]";
        return j.Nodes[i].Type switch
        {
            "holdout" => Gen.OneOf<string>("0", "100", "150", "-5", "\"ten\"").Select(v => SetJson(j, $"{at}.percent", v, "holdout percent: " + v, $"{at}.percent")),
            "split" => Gen.OneOf(
                Gen.OneOf<string>("\"x\"", "0", "-10").Select(v => SetJson(j, $"{at}.branches[0].weight", v, "split weight: " + v, $"{at}.branches[0].weight", $"{at}.branches")),
                Gen.Const(SetJson(j, $"{at}.branches[1].weight", "1", "split weights not summing to 100", $"{at}.branches")),
                Gen.Const(SetJson(j, $"{at}.branches", "[]", "split without branches", $"{at}.branches")),
                Gen.Const(SetJson(j, $"{at}.branches[0]", "null", "null split branch", $"{at}.branches[0]"))),
            "awardPoints" => Gen.OneOf<string>("0", "-5", "\"many\"", "1.5").Select(v => SetJson(j, $"{at}.points", v, "points: " + v, $"{at}.points")),
            "message" => Gen.OneOf(
                Gen.OneOf<string>("\"pigeon\"", "\"popup\"", "1").Select(v => SetJson(j, $"{at}.channel", v, "channel: " + v, $"{at}.channel")),
                Gen.OneOf<string>("\"\"", "\"  \"").Select(v => SetJson(j, $"{at}.topic", v, "empty topic", $"{at}.topic")),
                Gen.OneOf<string>("\"{{ oops\"", "\"{% if traits.a %}unclosed\"", "\"{{ secrets.key }}\"").Select(v => SetJson(j, $"{at}.template.body", v, "bad Liquid", $"{at}.template.body")),
                Gen.Const(SetJson(j, $"{at}.template", "{}", "empty template", $"{at}.template"))),
            "webhook" => Gen.OneOf<string>("\"ftp://hooks.example/x\"", "\"not a url\"", "5", "\"\"").Select(v => SetJson(j, $"{at}.url", v, "webhook url: " + v, $"{at}.url")),
            "setTrait" => Gen.OneOf<string>("\"\"", "5").Select(v => SetJson(j, $"{at}.trait", v, "bad trait name", $"{at}.trait")),
            "issuePromoCode" => Gen.OneOf<string>("\"\"", "[]").Select(v => SetJson(j, $"{at}.campaign", v, "bad campaign", $"{at}.campaign")),
            "waitForEvent" => Gen.OneOf<string>("\"\"", "{}").Select(v => SetJson(j, $"{at}.event", v, "bad awaited event", $"{at}.event")),
            _ => Gen.OneOf<string>("{}", "[]", "42").Select(v => SetJson(j, $"{at}.id", v, "node id not a string", $"{at}.id", at)),
        };
    }

    private static Broken Set(ValidJourney j, string path, string value, string name, params string[] paths) =>
        Edit(j, name, paths, body => JsonEdits.Set(body, path, value));

    private static Broken SetJson(ValidJourney j, string path, string json, string name, params string[] paths) =>
        Edit(j, name, paths, body => JsonEdits.Set(body, path, JsonNode.Parse(json)));

    private static Broken Remove(ValidJourney j, string path, string name, params string[] paths) =>
        Edit(j, name, paths, body => JsonEdits.Remove(body, path));

    private static Broken Edit(ValidJourney j, string name, string[] relativePaths, Action<JsonObject> edit)
    {
        var body = j.Body.DeepClone().AsObject();
        edit(body);
        return new Broken(body, name, [.. relativePaths.Select(p => p == "$" ? "$" : "$." + p)]);
    }
}
