using Journeys.Gateway.Profiles;

namespace Journeys.Gateway.Dashboards;

public static class DashboardHostingExtensions
{
    /// <summary>Where the web app (<c>dashboards/</c>) is served; its build writes to <c>wwwroot/dashboard</c>.</summary>
    public const string Path = "/dashboard";

    public static WebApplicationBuilder AddDashboards(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(DashboardSettings.From(builder.Configuration));
        builder.Services.AddSingleton<JourneyWatchers>();
        builder.Services.AddSingleton<JourneyFiguresReader>();
        builder.Services.AddHostedService<LiveFiguresPublisher>();
        builder.Services.AddSignalR();
        return builder;
    }

    /// <summary>The web app's files, its data endpoints and the live hub (which, like the data, needs a management key).</summary>
    public static WebApplication MapDashboards(this WebApplication app)
    {
        var management = app.Services.GetRequiredService<ManagementSettings>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(JourneyLiveHub.Path), hub => hub.Use(async (context, next) =>
        {
            if (ManagementKeyFilter.IsAuthorised(context.Request, management, allowQueryToken: true))
            {
                await next(context);
            }
            else
            {
                await ManagementKeyFilter.Unauthorised().ExecuteAsync(context);
            }
        }));

        // Relative asset URLs need the trailing slash; a route would also stop the static files from answering.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(Path + "/");
                return;
            }
            await next(context);
        });
        if (app.Environment.WebRootFileProvider.GetFileInfo(Path + "/index.html").Exists)
        {
            app.UseDefaultFiles();
            app.UseStaticFiles();
        }
        else
        {
            app.MapGet(Path + "/{**rest}", () => Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The dashboards are not built: install Node.js 18+ and build the gateway again (it runs npm in dashboards/)"));
        }
        app.MapDashboardData();
        app.MapHub<JourneyLiveHub>(JourneyLiveHub.Path);
        return app;
    }
}
