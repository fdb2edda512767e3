using Journeys.Gateway.Profiles;

namespace Journeys.Gateway.Dashboards;

/// <summary>The dashboards' data under <c>/api/dashboard</c>, behind the management key like every <c>/api</c>.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardData(this IEndpointRouteBuilder endpoints)
    {
        var journeys = endpoints.MapGroup("/api/dashboard/journeys").AddEndpointFilter<ManagementKeyFilter>();

        journeys.MapGet("", async (JourneyFiguresReader reader, CancellationToken ct) => Results.Json(await reader.ListAsync(ct)));

        journeys.MapGet("/{id}/live", async (string id, JourneyFiguresReader reader, CancellationToken ct) =>
            await reader.ReadAsync(id, ct) is { } figures ? Results.Json(figures.Live()) : NotFound(id));

        journeys.MapGet("/{id}/results", async (string id, JourneyFiguresReader reader, CancellationToken ct) =>
            await reader.ResultsAsync(id, ct) is { } results ? Results.Json(results) : NotFound(id));
        return endpoints;
    }

    private static IResult NotFound(string id) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no journey '{id}'.");
}
