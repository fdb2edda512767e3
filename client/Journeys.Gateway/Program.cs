using Journeys.Gateway.Dashboards;
using Journeys.Gateway.Ingestion;
using Journeys.Gateway.Journeys;
using Journeys.Gateway.Messaging;
using Journeys.Gateway.Profiles;
using Journeys.Gateway.Segments;
using Journeys.Gateway.Visitors;
using Journeys.Hosting;

return await StartupGuard.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddJourneysSerilog();
    builder.AddJourneysGateway();
    builder.AddIngestion();
    builder.AddJourneys();
    builder.AddDashboards();
    builder.AddVisitors();

    var app = builder.Build();
    app.MapJourneysOperations(orleansDashboardPath: "/orleans");
    app.MapIngestion();
    app.MapProfiles();
    app.MapSegments();
    app.MapJourneys();
    app.MapTemplates();
    app.MapTracking();
    app.MapDevices();
    app.MapDashboards();
    app.MapVisitors();

    await app.MigrateJourneysDatabaseAsync();
    await app.RunAsync();
});
