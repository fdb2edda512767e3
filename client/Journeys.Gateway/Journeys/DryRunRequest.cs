using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Engine;
using Journeys.Engine.Events;
using Journeys.Engine.Journeys;
using Journeys.Engine.Running;

namespace Journeys.Gateway.Journeys;

/// <summary>
/// The body of <c>POST /api/journeys/{id}/dry-run</c>: either an inline profile and events as the tracking
/// API takes them, or <c>recorded</c>, a stored profile whose journal events are replayed; and the virtual
/// time span. Events before <c>from</c> become the profile's history (what anniversary triggers look at);
/// the rest are replayed.
/// </summary>
internal sealed record DryRunRequest(ProfileView Profile, IReadOnlyList<DryRunInput> Inputs, DateTimeOffset From, DateTimeOffset To)
{
    public const string DefaultProfileId = "dry-run-profile";

    /// <summary>The newest events of a recorded profile a dry run replays at most.</summary>
    public const int MaxRecordedEvents = 10_000;

    /// <summary>How long after the last event the replay runs when the request gives no <c>to</c>.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(30);

    public static DryRunRequest? Read(JsonObject body, DateTimeOffset now, FieldErrors errors)
    {
        var profile = ReadProfile(body["profile"], errors);
        var events = ReadEvents(body["events"], profile?.ProfileId ?? DefaultProfileId, now, errors);
        var from = ReadTime(body, "from", errors) ?? (events.Count > 0 ? events.Min(e => e.Timestamp) : now);
        var to = ReadTime(body, "to", errors) ?? (events.Count > 0 ? events.Max(e => e.Timestamp) : from) + DefaultSpan;
        if (to < from)
        {
            errors.Add("$.to", "is before from");
        }

        if (errors.Any || profile is null)
        {
            return null;
        }

        return new DryRunRequest(
            profile with { History = [.. events.Where(e => e.Timestamp < from)] },
            [.. events.Where(e => e.Timestamp >= from).Select(e => new DryRunInput(e.Timestamp, new EventReceived(e)))],
            from,
            to);
    }

    /// <summary>The stored profile named by <c>"recorded": {"kind", "id"}</c>, or null when the body has none.</summary>
    public static (ProfileKind Kind, string Id)? ReadRecorded(JsonObject body, FieldErrors errors)
    {
        if (body["recorded"] is null)
        {
            return null;
        }
        if (body["recorded"] is not JsonObject recorded)
        {
            errors.Add("$.recorded", "must be an object: {\"kind\": \"customer\", \"id\": \"...\"}");
            return null;
        }
        if (body["profile"] is not null || body["events"] is not null)
        {
            errors.Add("$.recorded", "replays a stored profile's own events: give either recorded or profile and events");
        }
        var kindName = JourneyRequests.String(recorded, "kind", errors) ?? Wire.Name(ProfileKind.Customer);
        var id = JourneyRequests.String(recorded, "id", errors);
        if (!Wire.TryParse<ProfileKind>(kindName, out var kind))
        {
            errors.Add("$.recorded.kind", "must be customer, cashier or corporate");
        }
        if (id is null)
        {
            errors.Add("$.recorded.id", "is required");
        }
        return errors.Any || id is null ? null : (kind, id);
    }

    /// <summary>A dry run over a stored profile's journal events (oldest first), each with the profile as it stood after it.</summary>
    public static DryRunRequest? FromRecorded(
        JsonObject body, ProfileKind kind, string id, IReadOnlyList<EventEnvelope> recorded, IReadOnlyList<string> topics, DateTimeOffset now, FieldErrors errors)
    {
        if (recorded.Count == 0)
        {
            errors.Add("$.recorded", $"{Wire.Name(kind)} '{id}' has no recorded events");
        }
        var from = ReadTime(body, "from", errors) ?? (recorded.Count > 0 ? recorded.Min(e => e.Timestamp) : now);
        var to = ReadTime(body, "to", errors) ?? (recorded.Count > 0 ? recorded.Max(e => e.Timestamp) : from) + DefaultSpan;
        if (to < from)
        {
            errors.Add("$.to", "is before from");
        }
        if (errors.Any)
        {
            return null;
        }
        var replay = RecordedHistory.Replay(kind, id, recorded, topics, from);
        return new DryRunRequest(replay.Profile, replay.Inputs, from, to);
    }

    private static ProfileView? ReadProfile(JsonNode? node, FieldErrors errors)
    {
        if (node is not null and not JsonObject)
        {
            errors.Add("$.profile", "must be an object");
            return null;
        }

        var profile = node as JsonObject ?? [];
        var view = new ProfileView
        {
            ProfileId = JourneyRequests.String(profile, "id", errors) ?? DefaultProfileId,
            TimeZone = JourneyRequests.String(profile, "timeZone", errors) ?? "UTC",
            Traits = ReadObject(profile, "traits", errors),
            Computed = ReadObject(profile, "computed", errors),
            // A dry run shows the path; without a consent list every channel is allowed, and "consents": [] shows suppression.
            Consents = profile["consents"] is { } consents
                ? ReadConsents(consents, errors)
                : [.. Enum.GetValues<Channel>().Select(channel => new ConsentGrant(channel))],
        };
        return view;
    }

    private static JsonElement ReadObject(JsonObject profile, string property, FieldErrors errors)
    {
        var node = profile[property] ?? new JsonObject();
        if (node is not JsonObject)
        {
            errors.Add($"$.profile.{property}", "must be an object");
            node = new JsonObject();
        }
        return JsonSerializer.SerializeToElement(node);
    }

    private static List<ConsentGrant> ReadConsents(JsonNode consents, FieldErrors errors)
    {
        try
        {
            return consents.Deserialize<List<ConsentGrant>>(EngineJson.Options) ?? [];
        }
        catch (JsonException ex)
        {
            errors.Add("$.profile.consents", $"must be a list of {{\"channel\": ..., \"topic\": ...}}: {ex.Message}");
            return [];
        }
    }

    private static List<JourneyEvent> ReadEvents(JsonNode? node, string profileId, DateTimeOffset now, FieldErrors errors)
    {
        var events = new List<JourneyEvent>();
        if (node is null)
        {
            return events;
        }

        if (node is not JsonArray items)
        {
            errors.Add("$.events", "must be an array of {\"at\": ..., \"event\": {...}}");
            return events;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var path = $"$.events[{i}]";
            if (items[i] is not JsonObject item || item["event"] is not JsonObject call)
            {
                errors.Add(path + ".event", "is required: a track call as POST /v1/track takes it");
                continue;
            }

            var at = ReadTime(item, "at", errors, path);
            call = call.DeepClone().AsObject();
            if (call["userId"] is null && call["anonymousId"] is null)
            {
                call["userId"] = profileId;
            }

            // The same parser as ingestion: a dry run replays only events that could really arrive.
            var parsed = EventParser.Default.ParseCall(EventType.Track, call, at ?? now);
            foreach (var error in parsed.Errors)
            {
                errors.Add(path + ".event" + error.Path[1..], error.Message);
            }

            if (parsed.IsValid)
            {
                var envelope = parsed.Events[0];
                events.Add(new JourneyEvent
                {
                    MessageId = envelope.MessageId,
                    Name = envelope.Event!,
                    Timestamp = at ?? envelope.Timestamp,
                    Properties = JsonSerializer.SerializeToElement(envelope.Properties),
                });
            }
        }
        return events;
    }

    private static DateTimeOffset? ReadTime(JsonObject body, string property, FieldErrors errors, string at = "$")
    {
        if (body[property] is null)
        {
            return null;
        }
        if (body[property] is JsonValue value && value.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        errors.Add($"{at}.{property}", "must be an ISO 8601 date-time such as 2026-06-02T10:00:00Z");
        return null;
    }
}
