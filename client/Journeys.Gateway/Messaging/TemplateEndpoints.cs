using Journeys.Engine.Journeys;
using Journeys.Gateway.Profiles;
using Journeys.Storage.Templates;

namespace Journeys.Gateway.Messaging;

/// <summary>Stored message templates that journey message nodes name by id: <c>/api/templates</c>.</summary>
public static class TemplateEndpoints
{
    public sealed record TemplateBody(string? Subject, string? Body);

    public static IEndpointRouteBuilder MapTemplates(this IEndpointRouteBuilder endpoints)
    {
        var templates = endpoints.MapGroup("/api/templates").AddEndpointFilter<ManagementKeyFilter>();
        templates.MapGet("", async (ITemplateStore store, CancellationToken ct) => Results.Ok(await store.ListAsync(ct)));
        templates.MapGet("/{id}", async (string id, ITemplateStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } template ? Results.Ok(template) : Results.NotFound());
        templates.MapPut("/{id}", async (string id, TemplateBody body, ITemplateStore store, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(body.Body))
            {
                errors["body"] = ["is required"];
            }
            foreach (var (field, text) in new[] { ("subject", body.Subject), ("body", body.Body) })
            {
                if (text is not null && LiquidTemplateChecker.Check(text, LiquidTemplateChecker.JourneyRoots) is { Count: > 0 } problems)
                {
                    errors[field] = [.. problems];
                }
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The template is not valid Liquid for journeys; nothing was saved");
            }
            var template = new StoredTemplate(id, body.Subject, body.Body!);
            await store.SaveAsync(template, ct);
            return Results.Ok(template);
        });
        templates.MapDelete("/{id}", async (string id, ITemplateStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : Results.NotFound());
        return endpoints;
    }
}
