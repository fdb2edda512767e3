using System.Text.Json.Nodes;
using Journeys.Contracts.Profiles;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
using Journeys.Gateway.Ingestion;
using Journeys.Storage.Journal;

namespace Journeys.Gateway.Profiles;

/// <summary>Read, consent, export and erase of one profile: <c>/api/profiles/{kind}/{id}</c>.</summary>
public static class ProfileEndpoints
{
    private const int ExportedEventsLimit = 10_000;

    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder endpoints)
    {
        var profiles = endpoints.MapGroup("/api/profiles/{kind}/{id}").AddEndpointFilter<ManagementKeyFilter>();

        profiles.MapGet("", async (string kind, string id, IClusterClient cluster) =>
            ProfileKinds.IsKnown(kind) ? Results.Json(ToJson(await cluster.GetProfile(kind, id).GetAsync())) : UnknownKind(kind));

        profiles.MapPost("/consent", async (string kind, string id, JsonObject body, EventIngestor ingestor, IClusterClient cluster, TimeProvider clock, CancellationToken ct) =>
        {
            if (!ProfileKinds.IsKnown(kind))
            {
                return UnknownKind(kind);
            }
            // Consent goes through the journal like every change, so it replays with the profile.
            var call = new JsonObject
            {
                ["messageId"] = body["messageId"]?.DeepClone() ?? Guid.NewGuid().ToString(),
                ["userId"] = id,
                ["profileKind"] = kind,
                ["event"] = EventNames.ConsentUpdated,
                ["properties"] = body.DeepClone(),
            };
            ((JsonObject)call["properties"]!).Remove("messageId");
            var parsed = EventParser.Default.ParseCall(EventType.Track, call, clock.GetUtcNow());
            if (!parsed.IsValid)
            {
                var errors = parsed.Errors.GroupBy(e => e.Path.Replace("$.properties", "$", StringComparison.Ordinal))
                    .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
                return Results.ValidationProblem(errors, title: "The consent change has invalid fields; nothing was changed");
            }
            var result = await ingestor.IngestAsync(JournalEntries.From(parsed.Events), ct);
            var profile = cluster.GetProfile(kind, id);
            var view = await ProfileSync.WaitUntilAppliedAsync(profile, result.Stored.Select(r => r.Position).DefaultIfEmpty(0).Max(), clock, ct);
            return Results.Json(ToJson(view));
        });

        profiles.MapGet("/export", async (string kind, string id, IClusterClient cluster, IEventJournal journal, CancellationToken ct) =>
        {
            if (!ProfileKinds.IsKnown(kind))
            {
                return UnknownKind(kind);
            }
            var profile = ToJson(await cluster.GetProfile(kind, id).GetAsync());
            var events = await journal.ReadProfileAsync(kind, id, ExportedEventsLimit, ct);
            profile["events"] = new JsonArray([.. events.Reverse().Select(e => JsonNode.Parse(e.Payload))]);
            return Results.Json(profile);
        });

        profiles.MapDelete("", async (string kind, string id, IClusterClient cluster) =>
        {
            if (!ProfileKinds.IsKnown(kind))
            {
                return UnknownKind(kind);
            }
            await cluster.GetProfile(kind, id).EraseAsync();
            return Results.NoContent();
        });
        return endpoints;
    }

    private static IResult UnknownKind(string kind) => Results.ValidationProblem(
        new Dictionary<string, string[]> { ["kind"] = [$"'{kind}' is not one of {string.Join(", ", ProfileKinds.All)}"] });

    private static JsonObject ToJson(ProfileView view) => new()
    {
        ["kind"] = view.Kind,
        ["id"] = view.Id,
        ["profile"] = JsonNode.Parse(view.StateJson),
        ["segments"] = new JsonArray([.. view.Segments.Select(s => JsonValue.Create(s))]),
        ["mergedInto"] = view.MergedInto,
        ["lastAppliedPosition"] = view.LastAppliedPosition,
        ["journeys"] = JsonNode.Parse(view.JourneysJson),
        ["timeline"] = JsonNode.Parse(view.TimelineJson),
    };
}
