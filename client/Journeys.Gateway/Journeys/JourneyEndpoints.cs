using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Journeys.Contracts.Journeys;
using Journeys.Engine.Events;
using Journeys.Engine.Journeys;
using Journeys.Gateway.Profiles;
using Journeys.Storage.Journal;
using Journeys.Storage.Stats;

namespace Journeys.Gateway.Journeys;

/// <summary>
/// Journey management under <c>/api/journeys</c>: drafts, validation, publishing, status, listing with
/// counters, and dry runs. Definitions are checked with the engine before anything is stored.
/// </summary>
public static class JourneyEndpoints
{
    public static IEndpointRouteBuilder MapJourneys(this IEndpointRouteBuilder endpoints)
    {
        var journeys = endpoints.MapGroup("/api/journeys").AddEndpointFilter<ManagementKeyFilter>();

        journeys.MapGet("", async (IClusterClient cluster, IJourneyStatsStore stats, CancellationToken ct) =>
        {
            var list = await Catalog(cluster).ListAsync();
            var counters = await Task.WhenAll(list.Select(s => stats.ReadAsync(s.JourneyId, ct)));
            return Results.Json(new JsonArray([.. list.Select((summary, i) => JourneyJson.Summary(summary, counters[i]))]));
        });

        journeys.MapGet("/{id}", async (string id, IClusterClient cluster, IJourneyStatsStore stats, CancellationToken ct) =>
            await Catalog(cluster).GetAsync(id) is { } detail
                ? Results.Json(JourneyJson.Detail(detail, await stats.ReadAsync(id, ct)))
                : NotFound(id));

        journeys.MapPost("/validate", async (HttpRequest request, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            if (await JourneyRequests.ReadObjectAsync(request, errors, optional: false, ct) is { } body)
            {
                JourneyDefinitionBody.Check(body, journeyId: null, errors);
            }
            var found = errors.ToDictionary();
            return Results.Json(new
            {
                valid = found.Count == 0,
                errors = found.SelectMany(e => e.Value.Select(message => new { location = e.Key, message })),
            });
        });

        journeys.MapPut("/{id}/draft", async (string id, HttpRequest request, IClusterClient cluster, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var body = await JourneyRequests.ReadObjectAsync(request, errors, optional: false, ct);
            var json = body is null ? null : JourneyDefinitionBody.Check(body, id, errors);
            return errors.Any || json is null
                ? errors.ToProblem("The journey is invalid; nothing was saved")
                : await SummaryAsync(() => Catalog(cluster).SaveDraftAsync(id, json));
        });

        journeys.MapPost("/{id}/publish", async (string id, HttpRequest request, IClusterClient cluster, CancellationToken ct) =>
        {
            var errors = new FieldErrors();
            var body = await JourneyRequests.ReadObjectAsync(request, errors, optional: true, ct);
            var (inFlight, mapping) = body is null ? (null, null) : ReadPublication(body, errors);
            return errors.Any || inFlight is null
                ? errors.ToProblem("The publication is invalid; nothing was published")
                : await SummaryAsync(() => Catalog(cluster).PublishAsync(id, inFlight, mapping), argumentAt: "$.nodeMapping");
        });

        foreach (var (action, status) in new[] { ("pause", JourneyStatuses.Paused), ("resume", JourneyStatuses.Active), ("archive", JourneyStatuses.Archived) })
        {
            journeys.MapPost($"/{{id}}/{action}", (string id, IClusterClient cluster) =>
                SummaryAsync(() => Catalog(cluster).SetStatusAsync(id, status)));
        }

        journeys.MapPost("/{id}/dry-run", async (string id, HttpRequest request, IClusterClient cluster, IEventJournal journal, TimeProvider clock, CancellationToken ct) =>
        {
            if (await Catalog(cluster).GetAsync(id) is not { } detail)
            {
                return NotFound(id);
            }

            var errors = new FieldErrors();
            var body = await JourneyRequests.ReadObjectAsync(request, errors, optional: true, ct);
            var (json, draft) = body is null ? (null, false) : ChooseDefinition(detail, body, errors);
            var recorded = body is null ? null : DryRunRequest.ReadRecorded(body, errors);
            if (errors.Any || json is null || body is null)
            {
                return errors.ToProblem("The dry run request is invalid");
            }

            var definition = JourneyParser.Parse(json).Definition!;
            var run = recorded is { } profile
                ? DryRunRequest.FromRecorded(body, profile.Kind, profile.Id, await RecordedEventsAsync(journal, profile.Kind, profile.Id, ct),
                    [.. definition.Nodes.OfType<MessageNode>().Select(m => m.Topic).Distinct()], clock.GetUtcNow(), errors)
                : DryRunRequest.Read(body, clock.GetUtcNow(), errors);
            if (errors.Any || run is null)
            {
                return errors.ToProblem("The dry run request is invalid");
            }

            var result = JourneyDryRun.Run(definition, run.Profile, run.Inputs, run.From, run.To);
            return Results.Json(JourneyJson.DryRun(id, definition.Version, draft, run, result));
        });
        return endpoints;
    }

    private static IJourneyCatalogGrain Catalog(IClusterClient cluster) => cluster.GetGrain<IJourneyCatalogGrain>(0);

    /// <summary>The profile's journaled events, oldest first; erased payloads are left out.</summary>
    private static async Task<IReadOnlyList<EventEnvelope>> RecordedEventsAsync(IEventJournal journal, ProfileKind kind, string id, CancellationToken ct)
    {
        var records = await journal.ReadProfileAsync(Wire.Name(kind), id, DryRunRequest.MaxRecordedEvents, ct);
        return [.. records.Reverse().Select(r => EnvelopeJson.Deserialize(r.Payload)).OfType<EventEnvelope>()];
    }

    private static (string? InFlight, ImmutableDictionary<string, string>? Mapping) ReadPublication(JsonObject body, FieldErrors errors)
    {
        var inFlight = JourneyRequests.String(body, "inFlight", errors) ?? JourneyStatuses.Keep;
        if (inFlight is not (JourneyStatuses.Keep or JourneyStatuses.Migrate or JourneyStatuses.Exit))
        {
            errors.Add("$.inFlight", "must be keep, migrate or exit");
        }

        var mapping = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (body["nodeMapping"] is JsonObject pairs)
        {
            foreach (var (from, to) in pairs)
            {
                if (to is JsonValue value && value.TryGetValue<string>(out var target))
                {
                    mapping[from] = target;
                }
                else
                {
                    errors.Add($"$.nodeMapping.{from}", "must be the id of a node of the new version");
                }
            }
        }
        else if (body["nodeMapping"] is not null)
        {
            errors.Add("$.nodeMapping", "must be an object from old node ids to new node ids");
        }

        if (inFlight == JourneyStatuses.Migrate && mapping.Count == 0)
        {
            errors.Add("$.nodeMapping", "is required when inFlight is migrate: map nodes of the previous version to nodes of the new one");
        }
        return (inFlight, mapping.Count == 0 ? null : mapping.ToImmutable());
    }

    /// <summary>The version asked for, else the draft, else the current version.</summary>
    private static (string? Json, bool Draft) ChooseDefinition(JourneyDetail detail, JsonObject body, FieldErrors errors)
    {
        if (body["version"] is null)
        {
            return detail.DraftJson is { } draft ? (draft, true) : (detail.Versions[^1].DefinitionJson, false);
        }

        if (body["version"] is JsonValue value && value.TryGetValue<int>(out var number)
            && detail.Versions.FirstOrDefault(v => v.Version == number) is { } version)
        {
            return (version.DefinitionJson, false);
        }

        errors.Add("$.version", $"must be a published version: {string.Join(", ", detail.Versions.Select(v => v.Version))}");
        return (null, false);
    }

    /// <summary>Calls the catalogue and turns its refusals into answers: unknown 404, not now 409, bad argument 400.</summary>
    private static async Task<IResult> SummaryAsync(Func<Task<JourneySummary>> call, string argumentAt = "$")
    {
        try
        {
            return Results.Json(JourneyJson.Summary(await call()));
        }
        catch (KeyNotFoundException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: ex.Message);
        }
        catch (InvalidOperationException ex)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: ex.Message);
        }
        catch (ArgumentException ex)
        {
            var errors = new FieldErrors();
            errors.Add(argumentAt, ex.Message);
            return errors.ToProblem("The request is invalid; nothing was changed");
        }
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no journey '{id}'.");
}
