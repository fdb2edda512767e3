using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Events;

/// <summary>
/// Turns Segment-compatible request bodies into validated <see cref="EventEnvelope"/>s.
/// Never throws on bad input: every problem comes back as a <see cref="FieldError"/> and then no
/// event comes back at all, so a caller that stores only valid results stores nothing of a bad batch.
/// </summary>
public sealed class EventParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly EventCatalogue _catalogue;
    private readonly Func<Guid> _newMessageId;

    /// <param name="newMessageId">Source of messageIds for events sent without one (injected so tests are repeatable).</param>
    public EventParser(EventCatalogue catalogue, Func<Guid> newMessageId)
    {
        _catalogue = catalogue;
        _newMessageId = newMessageId;
    }

    public static EventParser Default { get; } = new(EventCatalogue.Default, Guid.NewGuid);

    /// <summary>Parses the body of a single call such as <c>POST /v1/track</c>; the route gives the type.</summary>
    public ParseResult ParseCall(EventType type, JsonElement body, DateTimeOffset receivedAt)
    {
        var events = new List<EventEnvelope>(1);
        var errors = new List<FieldError>();
        if (NotUnicode(body) is { } bad)
        {
            return bad;
        }

        if (ReadEvent(body, JsonPath.Root, type, BatchDefaults.None, receivedAt, errors) is { } envelope)
        {
            events.Add(envelope);
        }

        return ParseResult.From(events, errors);
    }

    public ParseResult ParseCall(EventType type, JsonNode? body, DateTimeOffset receivedAt) =>
        ParseCall(type, Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), receivedAt);

    public ParseResult ParseCall(EventType type, ReadOnlyMemory<byte> utf8Json, DateTimeOffset receivedAt) =>
        WithDocument(utf8Json, root => ParseCall(type, root, receivedAt));

    /// <summary>
    /// Parses a <c>POST /v1/batch</c> body: <c>{"batch":[...], "context":{...}, "integrations":{...}, "sentAt":"..."}</c>.
    /// Batch-level context and integrations are merged under each event's own (the event's values win),
    /// and batch-level sentAt applies to events that have none.
    /// </summary>
    public ParseResult ParseBatch(JsonElement body, DateTimeOffset receivedAt)
    {
        var events = new List<EventEnvelope>();
        var errors = new List<FieldError>();
        if (NotUnicode(body) is { } bad)
        {
            return bad;
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(JsonPath.Root, "must be an object with a \"batch\" array"));
            return ParseResult.From(events, errors);
        }

        var reader = new JsonObjectReader(body, JsonPath.Root, errors);
        var defaults = new BatchDefaults(
            reader.Object("context", required: false)?.Element,
            reader.Object("integrations", required: false)?.Element,
            reader.DateTime("sentAt", required: false));

        if (!reader.TryGet("batch", out var batch) || batch.ValueKind != JsonValueKind.Array || batch.GetArrayLength() == 0)
        {
            reader.Error("batch", "must be an array of at least 1 event");
            return ParseResult.From(events, errors);
        }

        var batchPath = reader.PathOf("batch");
        var index = 0;
        foreach (var item in batch.EnumerateArray())
        {
            if (ReadEvent(item, JsonPath.Index(batchPath, index++), routeType: null, defaults, receivedAt, errors) is { } envelope)
            {
                events.Add(envelope);
            }
        }

        return ParseResult.From(events, errors);
    }

    public ParseResult ParseBatch(JsonNode? body, DateTimeOffset receivedAt) =>
        ParseBatch(Encoding.UTF8.GetBytes(body?.ToJsonString() ?? "null"), receivedAt);

    public ParseResult ParseBatch(ReadOnlyMemory<byte> utf8Json, DateTimeOffset receivedAt) =>
        WithDocument(utf8Json, root => ParseBatch(root, receivedAt));

    private static ParseResult WithDocument(ReadOnlyMemory<byte> utf8Json, Func<JsonElement, ParseResult> parse)
    {
        if (!JsonText.IsUtf8(utf8Json.Span))
        {
            return new ParseResult([], [new FieldError(JsonPath.Root, JsonText.NotUtf8)]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            return new ParseResult([], [new FieldError(JsonPath.Root, $"is not valid JSON: {e.Message}")]);
        }

        // Envelopes clone what they keep, so the document can go when parsing is done.
        using (document)
        {
            return parse(document.RootElement);
        }
    }

    // Bodies from the SignalR stream arrive as elements, so the check is made on the element, not in WithDocument.
    private static ParseResult? NotUnicode(JsonElement body) =>
        body.ValueKind != JsonValueKind.Undefined && JsonText.FindLoneSurrogate(JsonMarshal.GetRawUtf8Value(body), body) is { } path
            ? new ParseResult([], [new FieldError(path, JsonText.LoneSurrogate)])
            : null;

    private EventEnvelope? ReadEvent(
        JsonElement item,
        string path,
        EventType? routeType,
        BatchDefaults defaults,
        DateTimeOffset receivedAt,
        List<FieldError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "must be an object"));
            return null;
        }

        var mark = errors.Count;
        var size = Encoding.UTF8.GetByteCount(item.GetRawText());
        if (size > EventLimits.MaxEventBytes)
        {
            errors.Add(new FieldError(path, $"is {size} bytes, over the {EventLimits.MaxEventBytes}-byte limit per event"));
            return null;
        }

        var r = new JsonObjectReader(item, path, errors);
        var type = ReadType(r, routeType);
        var messageId = ReadId(r, "messageId");
        var userId = ReadId(r, "userId");
        var anonymousId = ReadId(r, "anonymousId");
        var previousId = ReadId(r, "previousId");
        var groupId = ReadId(r, "groupId");
        var eventName = r.String("event", required: type == EventType.Track, EventLimits.MaxEventNameLength);
        var name = r.String("name", required: false, maxLength: 500);
        var timestamp = r.DateTime("timestamp", required: false);
        var sentAt = r.DateTime("sentAt", required: false) ?? defaults.SentAt;
        var profileKind = r.Enum<ProfileKind>("profileKind", required: false) ?? ProfileKind.Customer;
        var properties = r.Object("properties", required: false);
        var traits = r.Object("traits", required: false);
        var context = r.Object("context", required: false);
        var integrations = r.Object("integrations", required: false);

        CheckIdentity(r, type);
        if (traits is not null && type != EventType.Group)
        {
            CheckPersonTraits(traits);
        }

        var typed = ReadTyped(type, eventName, properties, r);
        if (errors.Count > mark || type is null)
        {
            return null;
        }

        return new EventEnvelope
        {
            MessageId = messageId ?? _newMessageId().ToString(),
            MessageIdGenerated = messageId is null,
            Type = type.Value,
            Event = eventName,
            Name = name,
            UserId = userId,
            AnonymousId = anonymousId,
            PreviousId = previousId,
            GroupId = groupId,
            Timestamp = timestamp ?? receivedAt,
            SentAt = sentAt,
            ReceivedAt = receivedAt,
            ProfileKind = profileKind,
            Properties = ToObject(properties?.Element),
            Traits = ToObject(traits?.Element),
            Context = JsonMerge.Under(defaults.Context, context?.Element),
            Integrations = JsonMerge.Under(defaults.Integrations, integrations?.Element),
            Typed = typed,
        };
    }

    private static EventType? ReadType(JsonObjectReader r, EventType? routeType)
    {
        if (routeType is not { } route)
        {
            return r.Enum<EventType>("type", required: true);
        }

        // SDKs repeat the type in the body; a different one means the body was posted to the wrong route.
        if (r.String("type", required: false) is { } declared
            && (!WireNames<EventType>.TryParse(declared, out var parsed) || parsed != route))
        {
            r.Error("type", $"must be \"{WireNames<EventType>.Of(route)}\" when posted to /v1/{WireNames<EventType>.Of(route)}");
        }

        return route;
    }

    // Segment accepts numeric ids from some libraries; they are kept as their JSON text.
    private static string? ReadId(JsonObjectReader r, string name)
    {
        if (r.TryGet(name, out var value) && value.ValueKind == JsonValueKind.Number)
        {
            return value.GetRawText();
        }

        return r.String(name, required: false, EventLimits.MaxIdLength);
    }

    private static void CheckIdentity(JsonObjectReader r, EventType? type)
    {
        if (type == EventType.Alias)
        {
            RequireRaw(r, "previousId", "is required for alias");
            RequireRaw(r, "userId", "is required for alias");
            return;
        }

        if (!r.Has("userId") && !r.Has("anonymousId"))
        {
            r.Error("userId", "is required when anonymousId is absent");
        }

        if (type == EventType.Group)
        {
            RequireRaw(r, "groupId", "is required for group");
        }
    }

    private static void RequireRaw(JsonObjectReader r, string name, string message)
    {
        if (!r.Has(name))
        {
            r.Error(name, message);
        }
    }

    // These traits drive computed properties (age band) and messaging, so bad values are refused early.
    private static void CheckPersonTraits(JsonObjectReader traits)
    {
        foreach (var name in new[] { "birthday", "birthDate" })
        {
            var text = traits.String(name, required: false);
            if (text is not null && !JsonFormats.TryParseBirthDate(text, out _))
            {
                traits.Error(name, JsonFormats.DateExpectation);
            }
        }

        traits.Code("email", required: false, JsonFormats.IsEmail, "must be an e-mail address");
    }

    private EventProperties? ReadTyped(EventType? type, string? eventName, JsonObjectReader? properties, JsonObjectReader r)
    {
        var catalogued = type switch
        {
            EventType.Track when eventName is not null && _catalogue.IsCatalogued(eventName) => eventName,
            EventType.Page => EventNames.PageViewed,
            _ => null,
        };

        // A properties value of the wrong type is already reported; checking its fields would only add noise.
        if (catalogued is null || (properties is null && r.Has("properties")))
        {
            return null;
        }

        return _catalogue.Read(catalogued, properties?.Element ?? default, r.PathOf("properties"), r.Errors);
    }

    private static JsonObject ToObject(JsonElement? element) =>
        element is { } e ? JsonObject.Create(e.Clone())! : [];

    private sealed record BatchDefaults(JsonElement? Context, JsonElement? Integrations, DateTimeOffset? SentAt)
    {
        public static BatchDefaults None { get; } = new(null, null, null);
    }
}
