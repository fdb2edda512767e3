namespace Journeys.Hosting;

/// <summary>
/// Every setting of a Journeys process, bound from appsettings.json and environment variables
/// (<c>Orleans__SiloPort=11112</c>). The README's configuration table lists the same names.
/// </summary>
public sealed class JourneysSettings
{
    /// <summary><c>ConnectionStrings:Journeys</c>; empty means the gateway runs embedded.</summary>
    public string? ConnectionString { get; init; }
    public OrleansSettings Orleans { get; init; } = new();
    public OperationsSettings Operations { get; init; } = new();
    public DatabaseSettings Database { get; init; } = new();
    public Storage.Journal.JournalOptions Journal { get; init; } = new();
    public IngestionSettings Ingestion { get; init; } = new();
    public ManagementSettings Management { get; init; } = new();
    public Channels.DeliverySettings Delivery { get; init; } = new();
    public VisitorSettings Visitors { get; init; } = new();

    public bool HasDatabase => !string.IsNullOrWhiteSpace(ConnectionString);

    public static JourneysSettings From(IConfiguration configuration) => new()
    {
        ConnectionString = configuration.GetConnectionString("Journeys"),
        Orleans = configuration.GetSection("Orleans").Get<OrleansSettings>() ?? new(),
        Operations = configuration.GetSection("Operations").Get<OperationsSettings>() ?? new(),
        Database = configuration.GetSection("Database").Get<DatabaseSettings>() ?? new(),
        Journal = configuration.GetSection("Journal").Get<Storage.Journal.JournalOptions>() ?? new(),
        Ingestion = configuration.GetSection("Ingestion").Get<IngestionSettings>() ?? new(),
        Management = configuration.GetSection("Management").Get<ManagementSettings>() ?? new(),
        Delivery = configuration.GetSection("Delivery").Get<Channels.DeliverySettings>() ?? new(),
        Visitors = configuration.GetSection(VisitorSettings.SectionName).Get<VisitorSettings>() ?? new(),
    };
}

public sealed class OrleansSettings
{
    public string ClusterId { get; init; } = "journeys";
    public string ServiceId { get; init; } = "journeys";
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    /// <summary>Address other silos and gateways reach this silo on; default: first non-loopback IPv4 or loopback.</summary>
    public string? AdvertisedIPAddress { get; init; }
    /// <summary>How often silos probe each other; lower means a dead silo is noticed sooner.</summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(2);
    /// <summary>
    /// With a database, the gateway runs a silo of the cluster in its own process instead of calling
    /// silos as a client: for small machines, where a separate gateway process costs a core's share.
    /// </summary>
    public bool HostSilo { get; init; }
}

public sealed class OperationsSettings
{
    /// <summary>Port of the silo's operations web server: health endpoints and the Orleans dashboard.</summary>
    public int Port { get; init; } = 8081;
}

public sealed class DatabaseSettings
{
    public bool MigrateOnStartup { get; init; } = true;
    /// <summary>Npgsql pool size per process unless the connection string sets one; budget against max_connections.</summary>
    public int MaxPoolSize { get; init; } = 20;
}
