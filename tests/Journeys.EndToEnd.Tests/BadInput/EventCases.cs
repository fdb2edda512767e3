using System.Text.Json.Nodes;
using CsCheck;
using Journeys.Engine.Events;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Single calls (<c>POST /v1/track|identify|page|screen|alias|group</c>): valid ones and every kind of broken one.</summary>
public static class EventCases
{
    public const string Kind = "event";
    private const string Placeholder = "__fuzz_placeholder__";

    /// <summary>Cases that take the messageId prefix of their number.</summary>
    public static Gen<Func<string, FuzzCase>> For(string writeKey)
    {
        var key = WriteKeys.Valid(writeKey);
        return Gen.Frequency(
            (35, from e in ValidEvents.Any
                 from contentType in Gen.OneOf<string?>("application/json", "application/json; charset=utf-8", "text/plain", null, "application/x-www-form-urlencoded")
                 from chunked in Gen.Bool
                 select Case(e, key, "valid, content type " + (contentType ?? "none"), Expectation.Accepted, body => Bytes(body), contentType, chunked)),
            (40, from e in ValidEvents.Any
                 from broken in EventMutations.Of(e)
                 select Case(e with { Body = broken.Body }, key, broken.Mutation, Expectation.FieldError("$." + broken.RelativePath), body => Bytes(body))),
            (8, from e in ValidEvents.Any
                from damage in RawBodies.BrokenSyntax
                select Case(e, key, damage.Name, Expectation.FieldError("$"), body => damage.Apply(Bytes(body)))),
            (4, from e in ValidEvents.Any
                from damage in RawBodies.BrokenUtf8
                select Case(e, key, damage.Name, Expectation.FieldError("$"), body => damage.Apply(Bytes(body)))),
            (2, from e in ValidEvents.Any
                from escape in RawBodies.LoneSurrogate
                select Case(e, key, "lone surrogate in a string", Expectation.FieldError("$", "$.context.note"),
                    body => RawBodies.Splice(Bytes(WithContext(body, "note", Placeholder)), Placeholder, "\"" + escape + "\""))),
            (4, from e in ValidEvents.Any
                from depth in Gen.OneOf(Gen.Int[20, 55], Gen.Int[70, 300])
                select Case(e, key, $"nested {depth} deep", depth < 60 ? Expectation.Accepted : Expectation.FieldError("$"),
                    body => RawBodies.Splice(Bytes(WithContext(body, "nested", Placeholder)), Placeholder, RawBodies.Nested(depth)))),
            (3, from e in ValidEvents.Any
                from size in Gen.Int[EventLimits.MaxEventBytes + 1, 3 * EventLimits.MaxEventBytes]
                from chunked in Gen.Bool
                select Case(e, key, chunked ? "oversize, chunked" : "oversize", Expectation.TooLarge,
                    body => Bytes(WithContext(body, "padding", new string('p', size))), chunked: chunked)),
            (5, from e in ValidEvents.Any
                from wrong in WriteKeys.Invalid(writeKey)
                select Case(e, wrong.Header, wrong.Name, Expectation.Unauthorized, body => Bytes(body))),
            (1, from e in ValidEvents.Any
                from root in Gen.OneOf<string>("[]", "\"event\"", "null", "5", "[{}]")
                select Case(e, key, "body not an object: " + root, Expectation.FieldError("$"), _ => RawBodies.Utf8(root))));
    }

    public static string Route(ValidEvent e) => "/v1/" + e.Route;

    public static byte[] Bytes(JsonNode body) => RawBodies.Utf8(body.ToJsonString());

    /// <summary>The event with the case's messageId, turned into a request by <paramref name="toBytes"/>.</summary>
    private static Func<string, FuzzCase> Case(
        ValidEvent e, string? authorization, string mutation, Expectation expected, Func<JsonObject, byte[]> toBytes,
        string? contentType = "application/json", bool chunked = false) => prefix =>
    {
        var id = prefix + ".0";
        var body = ValidEvents.WithMessageId(e.Body, id);
        return new FuzzCase(Kind, mutation, Route(e), toBytes(body), expected)
        {
            Authorization = authorization, MessageIds = [id], ContentType = contentType, Chunked = chunked,
        };
    };

    public static JsonObject WithContext(JsonObject body, string name, string value)
    {
        if (body["context"] is not JsonObject context)
        {
            body["context"] = context = [];
        }
        context[name] = value;
        return body;
    }
}
