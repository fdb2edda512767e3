using System.Text.Json.Nodes;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary><c>PUT /api/journeys/{id}/draft</c>: valid definitions are saved, broken ones are refused naming the field and save nothing.</summary>
public static class JourneyCases
{
    public const string Kind = "journey";

    public static Gen<Func<string, FuzzCase>> For(string managementKey)
    {
        var key = "Bearer " + managementKey;
        return Gen.Frequency(
            (15, from j in ValidJourneys.Any
                 from withId in Gen.Bool
                 select Case(j.Body, key, withId ? "valid" : "valid, id from the URL", Expectation.Accepted, withId)),
            (65, from j in ValidJourneys.Any
                 from broken in JourneyMutations.Of(j)
                 select Case(broken.Body, key, broken.Mutation, Expectation.FieldError(broken.AnyOfPaths), withId: false)),
            (4, from j in ValidJourneys.Any
                from other in ValidEvents.Word
                select Case(j.Body, key, "id differs from the URL", Expectation.FieldError("$.id"), withId: false, id: "other-" + other)),
            (5, from j in ValidJourneys.Any
                from damage in Gen.OneOf(RawBodies.BrokenSyntax, RawBodies.BrokenUtf8)
                select Case(j.Body, key, damage.Name, Expectation.FieldError("$"), withId: false, toBytes: damage.Apply)),
            (1, from j in ValidJourneys.Any
                from escape in RawBodies.LoneSurrogate
                select Case(j.Body, key, "lone surrogate in a string", Expectation.FieldError("$", "$.name"), withId: false,
                    toBytes: b => RawBodies.Splice(b, "__name__", "\"" + escape + "\""), edit: body => body["name"] = "__name__")),
            (2, from j in ValidJourneys.Any
                from depth in Gen.Int[40, 200]
                select Case(j.Body, key, $"condition nested {depth} deep", Expectation.FieldError("$"), withId: false,
                    toBytes: b => RawBodies.Splice(b, "__nest__", NestedCondition(depth)), edit: body => body["trigger"]!["condition"] = "__nest__")),
            (2, from j in ValidJourneys.Any
                from root in Gen.OneOf<string>("[]", "\"journey\"", "null", "5", "")
                select Case(j.Body, key, "body not an object: " + root, Expectation.FieldError("$"), withId: false, toBytes: _ => RawBodies.Utf8(root))),
            (4, from j in ValidJourneys.Any
                from wrong in Gen.OneOf<string?>(null, "Bearer not-the-key", "Basic " + managementKey, "Bearer")
                select Case(j.Body, wrong, "management key: " + (wrong ?? "missing"), Expectation.Unauthorized, withId: false)));
    }

    private static Func<string, FuzzCase> Case(
        JsonObject definition, string? authorization, string mutation, Expectation expected, bool withId,
        string? id = null, Func<byte[], byte[]>? toBytes = null, Action<JsonObject>? edit = null) => journeyId =>
    {
        var body = definition.DeepClone().AsObject();
        if (withId || id is not null)
        {
            body["id"] = id ?? journeyId;
        }
        edit?.Invoke(body);
        var bytes = RawBodies.Utf8(body.ToJsonString());
        return new FuzzCase(Kind, mutation, $"/api/journeys/{journeyId}/draft", toBytes is null ? bytes : toBytes(bytes), expected)
        {
            Method = HttpMethod.Put, Authorization = authorization, JourneyId = journeyId,
        };
    };

    /// <summary>An and-tree <paramref name="depth"/> levels deep: two JSON levels per tree level.</summary>
    private static string NestedCondition(int depth)
    {
        var leaf = "{\"type\":\"field\",\"field\":\"traits.plan\",\"op\":\"exists\"}";
        return string.Concat(Enumerable.Repeat("{\"type\":\"and\",\"conditions\":[", depth)) + leaf + string.Concat(Enumerable.Repeat("]}", depth));
    }
}
