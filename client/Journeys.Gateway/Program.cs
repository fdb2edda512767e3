using Journeys.Gateway.Ingestion;
using Journeys.Hosting;

return await StartupGuard.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddJourneysSerilog();
    builder.AddJourneysGateway();
    builder.AddIngestion();

    var app = builder.Build();
    app.MapJourneysOperations();
    app.MapIngestion();

    await app.MigrateJourneysDatabaseAsync();
    await app.RunAsync();
});
