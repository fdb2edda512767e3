using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace Journeys.Hosting;

public static class HealthHostingExtensions
{
    public static IHealthChecksBuilder AddJourneysHealthChecks(this IServiceCollection services, string? connectionString)
    {
        var checks = services.AddHealthChecks();
        if (connectionString is not null)
        {
            checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "postgres", _ => new PostgresHealthCheck(connectionString), failureStatus: null, tags: ["ready"]));
        }
        return checks;
    }

    /// <summary>Health endpoints and the Orleans dashboard (the silo's at <c>/dashboard</c>; the gateway keeps that path for the marketers' dashboards).</summary>
    public static WebApplication MapJourneysOperations(this WebApplication app, string orleansDashboardPath = "/dashboard")
    {
        app.MapJourneysHealth();
        app.MapOrleansDashboard(routePrefix: orleansDashboardPath);
        return app;
    }

    /// <summary><c>/health/live</c>: the process answers; <c>/health/ready</c>: Postgres and the cluster are usable.</summary>
    public static IEndpointRouteBuilder MapJourneysHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return endpoints;
    }
}
