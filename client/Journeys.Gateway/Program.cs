using Journeys.Hosting;

return await StartupGuard.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddJourneysSerilog();
    builder.AddJourneysGateway();

    var app = builder.Build();
    app.MapJourneysOperations();

    await app.MigrateJourneysDatabaseAsync();
    await app.RunAsync();
});
