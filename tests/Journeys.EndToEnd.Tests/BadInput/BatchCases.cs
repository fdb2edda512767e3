using System.Text.Json.Nodes;
using CsCheck;
using Journeys.Engine.Events;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary><c>POST /v1/batch</c>: valid batches, batches with broken items among valid ones, broken batches.</summary>
public static class BatchCases
{
    public const string Kind = "batch";
    private const string Route = "/v1/batch";

    private static Gen<ValidEvent[]> Items => ValidEvents.Any.Array[1, 12];

    public static Gen<Func<string, FuzzCase>> For(string writeKey)
    {
        var key = WriteKeys.Valid(writeKey);
        return Gen.Frequency(
            (30, from items in Items
                 from contentType in Gen.OneOf<string?>("application/json", "text/plain", null)
                 from withDefaults in Gen.Bool
                 select Case(items, key, "valid", Expectation.Accepted, batch => Bytes(withDefaults ? WithDefaults(batch) : batch), contentType)),
            (5, from items in Items
                from copies in Gen.Int[1, 3]
                select Case(items, key, "duplicate messageIds inside the batch", Expectation.Accepted, batch => Bytes(Duplicated(batch, copies)))),
            (35, from items in Items
                 from brokenAt in Gen.Int[0, 11].Array[1, 3]
                 from broken in (from e in ValidEvents.Any from b in EventMutations.Of(e) select (e, b)).Array[3]
                 select Mixed(items, brokenAt, broken, key)),
            (6, from items in Items
                from at in Gen.Int[0, 11]
                from item in Gen.OneOf<string>("5", "\"event\"", "null", "[]", "true")
                select Case(items, key, "item not an object: " + item, Expectation.FieldError($"$.batch[{at % items.Length}]"),
                    batch => RawBodies.Splice(Bytes(Replace(batch, at % items.Length, "__item__")), "__item__", item))),
            (3, from items in Items
                from at in Gen.Int[0, 11]
                select Case(items, key, "item over 32 KB", Expectation.FieldError($"$.batch[{at % items.Length}]"),
                    batch => Bytes(Padded(batch, at % items.Length)))),
            (3, from items in Items
                from at in Gen.Int[0, 11]
                select Case(items, key, "item without type", Expectation.FieldError($"$.batch[{at % items.Length}].type"),
                    batch => Bytes(WithoutType(batch, at % items.Length)))),
            (6, from items in Items
                from mutation in Gen.OneOf<(string, string, string)>(
                    ("{\"batch\":[]}", "empty batch", "$.batch"), ("{\"batch\":{}}", "batch not an array", "$.batch"),
                    ("{}", "no batch", "$.batch"), ("{\"batch\":\"x\"}", "batch a string", "$.batch"),
                    ("[]", "root an array", "$"), ("null", "root null", "$"))
                select Case(items, key, mutation.Item2, Expectation.FieldError(mutation.Item3), _ => RawBodies.Utf8(mutation.Item1))),
            (4, from items in Items
                from mutation in Gen.OneOf<(string, string, string)>(
                    ("context", "\"x\"", "batch context not an object"), ("integrations", "[]", "batch integrations not an object"),
                    ("sentAt", "\"yesterday\"", "bad batch sentAt"), ("sentAt", "\"2025-06-01T08:30:00\"", "batch sentAt without offset"))
                select Case(items, key, mutation.Item3, Expectation.FieldError("$." + mutation.Item1),
                    batch => RawBodies.Splice(Bytes(With(batch, mutation.Item1, "__batch__")), "__batch__", mutation.Item2))),
            (4, from items in Items
                from damage in Gen.OneOf(RawBodies.BrokenSyntax, RawBodies.BrokenUtf8)
                select Case(items, key, damage.Name, Expectation.FieldError("$"), batch => damage.Apply(Bytes(batch)))),
            (2, from items in Items
                from depth in Gen.Int[70, 300]
                from at in Gen.Int[0, 11]
                select Case(items, key, $"item nested {depth} deep", Expectation.FieldError("$"),
                    batch => RawBodies.Splice(Bytes(Nest(batch, at % items.Length)), "__nest__", RawBodies.Nested(depth)))),
            (1, from items in Items
                from chunked in Gen.Bool
                select Case(items, key, chunked ? "oversize batch, chunked" : "oversize batch", Expectation.TooLarge, batch => Bytes(Oversized(batch)), chunked: chunked)),
            (4, from items in Items
                from wrong in WriteKeys.Invalid(writeKey)
                select Case(items, wrong.Header, wrong.Name, Expectation.Unauthorized, batch => Bytes(batch))));
    }

    /// <summary>Some items broken by a mutation among valid ones: every broken item's field is named, nothing is stored.</summary>
    private static Func<string, FuzzCase> Mixed(ValidEvent[] items, int[] brokenAt, (ValidEvent Event, EventMutations.Broken Broken)[] mutations, string key)
    {
        var positions = brokenAt.Select(i => i % items.Length).Distinct().ToArray();
        var replaced = items.ToArray();
        var paths = new List<string[]>();
        var names = new List<string>();
        for (var i = 0; i < positions.Length; i++)
        {
            var (source, broken) = mutations[i];
            replaced[positions[i]] = source with { Body = broken.Body };
            paths.Add([$"$.batch[{positions[i]}].{broken.RelativePath}"]);
            names.Add(broken.Mutation);
        }
        return Case(replaced, key, $"{positions.Length} broken of {items.Length}: {string.Join("; ", names)}", new Expectation(400, paths), batch => Bytes(batch));
    }

    private static Func<string, FuzzCase> Case(
        ValidEvent[] items, string? authorization, string mutation, Expectation expected, Func<JsonObject, byte[]> toBytes,
        string? contentType = "application/json", bool chunked = false) => prefix =>
    {
        var ids = items.Select((_, i) => $"{prefix}.{i}").ToArray();
        var batch = new JsonObject { ["batch"] = new JsonArray([.. items.Select((e, i) => (JsonNode)ValidEvents.WithMessageId(e.Body, ids[i]))]) };
        return new FuzzCase(Kind, mutation, Route, toBytes(batch), expected)
        {
            Authorization = authorization, MessageIds = ids, ContentType = contentType, Chunked = chunked,
        };
    };

    private static byte[] Bytes(JsonNode body) => EventCases.Bytes(body);

    private static JsonArray ItemsOf(JsonObject batch) => batch["batch"]!.AsArray();

    private static JsonObject WithDefaults(JsonObject batch)
    {
        batch["context"] = new JsonObject { ["library"] = new JsonObject { ["name"] = "analytics-fuzz", ["version"] = "1.0" } };
        batch["integrations"] = new JsonObject { ["All"] = true };
        batch["sentAt"] = "2026-12-01T06:00:00Z";
        return batch;
    }

    /// <summary>Exact copies of the first item appended: a resend inside one batch, stored once.</summary>
    private static JsonObject Duplicated(JsonObject batch, int copies)
    {
        for (var i = 0; i < copies; i++)
        {
            ItemsOf(batch).Add(ItemsOf(batch)[0]!.DeepClone());
        }
        return batch;
    }

    private static JsonObject Replace(JsonObject batch, int at, string placeholder)
    {
        ItemsOf(batch)[at] = placeholder;
        return batch;
    }

    private static JsonObject Padded(JsonObject batch, int at)
    {
        EventCases.WithContext(ItemsOf(batch)[at]!.AsObject(), "padding", new string('p', EventLimits.MaxEventBytes + 100));
        return batch;
    }

    private static JsonObject WithoutType(JsonObject batch, int at)
    {
        ItemsOf(batch)[at]!.AsObject().Remove("type");
        return batch;
    }

    private static JsonObject With(JsonObject batch, string member, string placeholder)
    {
        batch[member] = placeholder;
        return batch;
    }

    private static JsonObject Nest(JsonObject batch, int at)
    {
        EventCases.WithContext(ItemsOf(batch)[at]!.AsObject(), "nested", "__nest__");
        return batch;
    }

    /// <summary>Valid items padded until the body is over the 500 KB batch limit.</summary>
    private static JsonObject Oversized(JsonObject batch)
    {
        var count = EventLimits.MaxBatchBytes / 30_000 + 2;
        var first = ItemsOf(batch)[0]!;
        for (var i = ItemsOf(batch).Count; i < count; i++)
        {
            ItemsOf(batch).Add(first.DeepClone());
        }
        foreach (var item in ItemsOf(batch))
        {
            EventCases.WithContext(item!.AsObject(), "padding", new string('p', 30_000));
        }
        return batch;
    }
}
