using Journeys.Gateway.Ingestion;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.FileProviders;

namespace Journeys.Gateway.Visitors;

public static class VisitorHostingExtensions
{
    /// <summary>The embedded default's demo site, so the demo page works without set-up; production lists its own sites.</summary>
    public const string EmbeddedSite = "demo";
    public const string EmbeddedSiteSecret = "embedded-demo-site-secret-not-for-production";

    public static WebApplicationBuilder AddVisitors(this WebApplicationBuilder builder)
    {
        var settings = JourneysSettings.From(builder.Configuration);
        var visitors = settings.Visitors;
        if (visitors.Sites.Count == 0 && !settings.HasDatabase)
        {
            visitors = new VisitorSettings
            {
                Sites = new() { [EmbeddedSite] = new VisitorSite { Secret = EmbeddedSiteSecret } },
                AnonymousTokenLifetime = visitors.AnonymousTokenLifetime,
                SubscriptionRefresh = visitors.SubscriptionRefresh,
                ServeDemo = visitors.ServeDemo ?? true,
            };
        }
        visitors.Validate();
        builder.Services.AddSingleton(visitors);
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, VisitorTokenAuthentication>(VisitorTokenAuthentication.SchemeName, _ => { });
        builder.Services.AddAuthorizationBuilder().AddPolicy(VisitorTokenAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(VisitorTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser());
        builder.Services.AddSingleton<VisitorConnections>();
        builder.Services.AddSingleton<HubVisitorObserver>();
        builder.Services.AddSingleton<VisitorSubscriptions>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<VisitorSubscriptions>());
        return builder;
    }

    /// <summary>The hub, the token endpoints, the browser SDK at <c>/sdk/journeys.js</c> and, if enabled, the demo site at <c>/demo/</c>.</summary>
    public static WebApplication MapVisitors(this WebApplication app)
    {
        app.MapHub<VisitorHub>("/v1/visitors").RequireAuthorization(VisitorTokenAuthentication.Policy);
        app.MapVisitorTokens();
        var sdk = Path.Combine(AppContext.BaseDirectory, "sdk", "journeys.js");
        app.MapGet("/sdk/journeys.js", () => File.Exists(sdk)
            ? Results.File(sdk, "text/javascript; charset=utf-8")
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "The browser SDK was not built: install Node.js 20+ and build the gateway again"));
        var demo = Path.Combine(AppContext.BaseDirectory, "demo");
        if (app.Services.GetRequiredService<VisitorSettings>().ServeDemo == true && Directory.Exists(demo))
        {
            app.UseFileServer(new FileServerOptions { FileProvider = new PhysicalFileProvider(demo), RequestPath = "/demo" });
        }
        return app;
    }
}
