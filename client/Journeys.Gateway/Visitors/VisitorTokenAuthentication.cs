using System.Security.Claims;
using System.Text.Encodings.Web;
using Journeys.Engine.Visitors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Journeys.Gateway.Visitors;

/// <summary>
/// Authenticates visitor hub requests by their signed token: <c>?access_token=</c> (how the SignalR
/// clients send it on WebSockets) or <c>Authorization: Bearer</c>. A forged, expired or unknown-site
/// token is answered 401 before any connection exists.
/// </summary>
public sealed class VisitorTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    VisitorSettings visitors,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "VisitorToken";
    public const string Policy = "Visitor";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = ReadToken(Request);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var secret = VisitorToken.SiteOf(token) is { } site ? visitors.SecretOf(site) : null;
        if (secret is null || VisitorToken.Verify(token, secret, clock.GetUtcNow()) is not { } visitor)
        {
            Logger.LogWarning("Visitor connection refused: the token is forged, expired or of an unknown site");
            return Task.FromResult(AuthenticateResult.Fail("The visitor token is forged, expired or of an unknown site"));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(VisitorKey.ClaimsOf(visitor), SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private static string? ReadToken(HttpRequest request)
    {
        if (request.Query["access_token"].ToString() is { Length: > 0 } query)
        {
            return query;
        }
        const string bearer = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? header[bearer.Length..].Trim() : null;
    }
}
