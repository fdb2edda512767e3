using Journeys.Gateway.Profiles;

namespace Journeys.Gateway.Ingestion;

public static class IngestionHostingExtensions
{
    /// <summary>The embedded default accepts this key so the demo works without set-up; production lists its own.</summary>
    public const string EmbeddedWriteKey = "embedded-demo-key";
    public const string EmbeddedManagementKey = "embedded-admin-key";

    public static WebApplicationBuilder AddIngestion(this WebApplicationBuilder builder)
    {
        var settings = JourneysSettings.From(builder.Configuration);
        var options = settings.Ingestion;
        if (options.WriteKeySet.Count == 0 && !settings.HasDatabase)
        {
            options = new IngestionSettings { WriteKeys = EmbeddedWriteKey };
        }
        builder.Services.AddSingleton(options);
        var management = settings.Management;
        if (management.ApiKeySet.Count == 0 && !settings.HasDatabase)
        {
            management = new ManagementSettings { ApiKeys = EmbeddedManagementKey };
        }
        builder.Services.AddSingleton(management);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<EventIngestor>();
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = Engine.Events.EventLimits.MaxBatchBytes + 1024);
        return builder;
    }
}
