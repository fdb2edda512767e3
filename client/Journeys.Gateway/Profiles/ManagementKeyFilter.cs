namespace Journeys.Gateway.Profiles;

/// <summary>Management APIs need <c>Authorization: Bearer {key}</c> with one of <c>Management:ApiKeys</c>.</summary>
public sealed class ManagementKeyFilter(ManagementSettings options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsAuthorised(context.HttpContext.Request, options, allowQueryToken: false)
            ? await next(context)
            : Unauthorised();

    /// <summary>
    /// The Bearer header; with <paramref name="allowQueryToken"/> also <c>?access_token=</c>, which is how a
    /// browser's WebSocket (which cannot send headers) carries the key to a SignalR hub.
    /// </summary>
    public static bool IsAuthorised(HttpRequest request, ManagementSettings options, bool allowQueryToken)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var key = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim()
            : allowQueryToken ? request.Query["access_token"].ToString() : null;
        return !string.IsNullOrEmpty(key) && options.ApiKeySet.Contains(key);
    }

    public static IResult Unauthorised() =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A management API key is required as a Bearer token");
}
