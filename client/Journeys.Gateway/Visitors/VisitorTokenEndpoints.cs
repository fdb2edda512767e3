using System.Text.Json.Nodes;
using Journeys.Engine.Events;
using Journeys.Engine.Visitors;
using Journeys.Gateway.Ingestion;
using Journeys.Gateway.Profiles;

namespace Journeys.Gateway.Visitors;

/// <summary>
/// Where visitor tokens come from: <c>POST /v1/visitor-token</c> (write key) for anonymous visitors of a
/// site, and <c>POST /api/visitor-tokens</c> (management key) for a site's backend that would rather
/// not sign them itself.
/// </summary>
public static class VisitorTokenEndpoints
{
    private static readonly TimeSpan LongestValidity = TimeSpan.FromDays(30);

    public static IEndpointRouteBuilder MapVisitorTokens(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/visitor-token", AnonymousAsync);
        endpoints.MapPost("/api/visitor-tokens", SiteAsync).AddEndpointFilter<ManagementKeyFilter>();
        return endpoints;
    }

    /// <summary>Body <c>{"site": "...", "token": "previous token, optional"}</c>: a genuine earlier anonymous token keeps its id.</summary>
    private static async Task<IResult> AnonymousAsync(HttpContext http, IngestionSettings ingestion, VisitorSettings visitors, TimeProvider clock)
    {
        var writeKey = WriteKeyAuthentication.ReadWriteKey(http.Request);
        if (writeKey is null || !ingestion.WriteKeySet.Contains(writeKey))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid write key is required as the HTTP Basic user name");
        }
        var body = await ReadAsync(http);
        var site = Text(body, "site");
        if (site is null || visitors.SecretOf(site) is not { } secret)
        {
            return Invalid("site", "is not a site configured under Visitors:Sites");
        }
        var previous = Text(body, "token") is { } earlier ? VisitorToken.ReadGenuine(earlier, secret) : null;
        var id = previous is { Kind: ProfileKind.Customer } && previous.Site == site && AnonymousVisitors.IsAnonymous(previous.ProfileId)
            ? previous.ProfileId
            : AnonymousVisitors.NewId();
        var expiresAt = clock.GetUtcNow() + visitors.AnonymousTokenLifetime;
        return Results.Ok(new
        {
            token = VisitorToken.Create(site, ProfileKind.Customer, id, expiresAt, secret),
            anonymousId = id,
            expiresAt,
        });
    }

    /// <summary>Body <c>{"site", "profileKind", "profileId", "validForSeconds"}</c> (kind defaults to customer, validity to a day).</summary>
    private static async Task<IResult> SiteAsync(HttpContext http, VisitorSettings visitors, TimeProvider clock)
    {
        var body = await ReadAsync(http);
        var site = Text(body, "site");
        if (site is null || visitors.SecretOf(site) is not { } secret)
        {
            return Invalid("site", "is not a site configured under Visitors:Sites");
        }
        var kindName = Text(body, "profileKind") ?? Wire.Name(ProfileKind.Customer);
        if (!Wire.TryParse<ProfileKind>(kindName, out var kind))
        {
            return Invalid("profileKind", "must be customer, cashier or corporate");
        }
        if (Text(body, "profileId") is not { Length: > 0 } profileId)
        {
            return Invalid("profileId", "is required");
        }
        var seconds = body!["validForSeconds"] is JsonValue value && value.TryGetValue<double>(out var s) ? s : (double?)null;
        var validFor = TimeSpan.FromSeconds(seconds ?? TimeSpan.FromDays(1).TotalSeconds);
        if ((body["validForSeconds"] is not null && seconds is null) || validFor <= TimeSpan.Zero || validFor > LongestValidity)
        {
            return Invalid("validForSeconds", $"must be between 1 and {LongestValidity.TotalSeconds}");
        }
        var expiresAt = clock.GetUtcNow() + validFor;
        return Results.Ok(new { token = VisitorToken.Create(site, kind, profileId, expiresAt, secret), expiresAt });
    }

    private static async Task<JsonNode?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? body, string name) =>
        body is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request has invalid fields");
}
