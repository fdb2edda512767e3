using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Contracts.Segments;
using Journeys.Engine;
using Journeys.Engine.Conditions;
using Journeys.Engine.Segments;
using Journeys.Gateway.Profiles;

namespace Journeys.Gateway.Segments;

/// <summary>Real-time segments: <c>PUT /api/segments/{name}</c> with <c>{"condition": {...}}</c>, list, delete.</summary>
public static class SegmentEndpoints
{
    public static IEndpointRouteBuilder MapSegments(this IEndpointRouteBuilder endpoints)
    {
        var segments = endpoints.MapGroup("/api/segments").AddEndpointFilter<ManagementKeyFilter>();

        segments.MapGet("", async (IClusterClient cluster) =>
            Results.Json((await cluster.GetGrain<ISegmentCatalogGrain>(0).ListAsync()).Select(ToJson)));

        segments.MapPut("/{name}", async (string name, JsonObject body, IClusterClient cluster) =>
        {
            var errors = new Dictionary<string, string[]>();
            Condition? condition = null;
            try
            {
                condition = body["condition"]?.Deserialize<Condition>(EngineJson.Options);
            }
            catch (JsonException ex)
            {
                errors["$.condition"] = [ex.Message];
            }
            catch (NotSupportedException)
            {
                // What the serializer throws for a condition object without the "type" that picks its kind.
                errors["$.condition"] = ["every condition needs a \"type\": field, and, or or not"];
            }
            if (condition is null && errors.Count == 0)
            {
                errors["$.condition"] = ["is required"];
            }
            if (condition is not null)
            {
                foreach (var error in SegmentEvaluator.Validate(new SegmentDefinition(name, condition)))
                {
                    errors[error.Location] = [error.Message];
                }
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The segment is invalid; nothing was saved");
            }
            var saved = await cluster.GetGrain<ISegmentCatalogGrain>(0).PutAsync(name, JsonSerializer.Serialize(condition, EngineJson.Options));
            return Results.Json(ToJson(saved));
        });

        segments.MapDelete("/{name}", async (string name, IClusterClient cluster) =>
            await cluster.GetGrain<ISegmentCatalogGrain>(0).DeleteAsync(name) ? Results.NoContent() : Results.NotFound());
        return endpoints;
    }

    private static JsonObject ToJson(SegmentDefinitionDto s) => new()
    {
        ["name"] = s.Name,
        ["condition"] = JsonNode.Parse(s.ConditionJson),
        ["version"] = s.Version,
        ["updatedAt"] = s.UpdatedAt,
    };
}
