namespace Journeys.Gateway.Profiles;

/// <summary>Management APIs need <c>Authorization: Bearer {key}</c> with one of <c>Management:ApiKeys</c>.</summary>
public sealed class ManagementKeyFilter(ManagementSettings options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        var key = header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
        return key is not null && options.ApiKeySet.Contains(key)
            ? await next(context)
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A management API key is required as a Bearer token");
    }
}
