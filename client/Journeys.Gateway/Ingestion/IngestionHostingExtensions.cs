using Journeys.Gateway.Profiles;

namespace Journeys.Gateway.Ingestion;

public static class IngestionHostingExtensions
{
    /// <summary>The embedded default accepts this key so the demo works without set-up; production lists its own.</summary>
    public const string EmbeddedWriteKey = "embedded-demo-key";
    public const string EmbeddedManagementKey = "embedded-admin-key";

    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Ingestion").Get<IngestionOptions>() ?? new IngestionOptions();
        if (options.WriteKeySet.Count == 0 && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Journeys")))
        {
            options = new IngestionOptions { WriteKeys = EmbeddedWriteKey };
        }
        builder.Services.AddSingleton(options);
        var management = builder.Configuration.GetSection("Management").Get<ManagementOptions>() ?? new ManagementOptions();
        if (management.ApiKeySet.Count == 0 && string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Journeys")))
        {
            management = new ManagementOptions { ApiKeys = EmbeddedManagementKey };
        }
        builder.Services.AddSingleton(management);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = Engine.Events.EventLimits.MaxBatchBytes + 1024);
        return builder;
    }
}
