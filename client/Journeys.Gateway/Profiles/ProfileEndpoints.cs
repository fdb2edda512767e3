using System.Text.Json.Nodes;
using Journeys.Contracts.Profiles;
using Journeys.Engine.Events;
using Journeys.Engine.Events.Catalogue;
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

        profiles.MapPost("/consent", async (string kind, string id, ConsentRequest request, IClusterClient cluster, TimeProvider clock) =>
        {
            if (!ProfileKinds.IsKnown(kind))
            {
                return UnknownKind(kind);
            }
            var errors = request.Validate();
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The consent change has invalid fields; nothing was changed");
            }
            var update = new ConsentUpdate(request.Channel, request.Topic, request.Granted!.Value, request.Source ?? "api", clock.GetUtcNow());
            return Results.Json(ToJson(await cluster.GetProfile(kind, id).UpdateConsentAsync(update)));
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
    };
}
