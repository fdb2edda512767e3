using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;

namespace Journeys.TestSupport;

/// <summary>
/// The production topology as real processes: PostgreSQL, two silo processes and the gateway,
/// each on its own ports, so tests can kill a silo with SIGKILL and start it again.
/// </summary>
public sealed class ProductionCluster : IAsyncDisposable
{
    public const string WriteKey = "test-write-key";
    public const string ManagementKey = "test-admin-key";
    public const string VisitorSite = "test";
    public const string VisitorSiteSecret = "test-site-secret-long-enough-for-hmac";

    private readonly Dictionary<string, string?> common;
    private readonly int gatewayHttpPort = FreePort.Next();
    private readonly SiloPorts[] siloPorts = [new(), new()];
    private readonly SiloPorts gatewaySiloPorts = new();
    private readonly bool gatewayHostsSilo;

    private ProductionCluster(string connectionString, IReadOnlyDictionary<string, string?> settings, bool gatewayHostsSilo = false)
    {
        this.gatewayHostsSilo = gatewayHostsSilo;
        ConnectionString = connectionString;
        common = new()
        {
            ["ConnectionStrings__Journeys"] = connectionString,
            ["Orleans__ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans__ServiceId"] = "journeys-tests",
            ["Orleans__AdvertisedIPAddress"] = "127.0.0.1",
            ["Ingestion__WriteKeys"] = WriteKey,
            ["Management__ApiKeys"] = ManagementKey,
            ["Delivery__Tracking__Secret"] = "test-tracking-secret",
            [$"Visitors__Sites__{VisitorSite}__Secret"] = VisitorSiteSecret,
            ["Visitors__ServeDemo"] = "true",
            ["Visitors__SubscriptionRefresh"] = "00:00:02",
            ["Serilog__MinimumLevel__Override__Orleans"] = "Warning",
            ["Delivery__Tracking__PublicBaseUrl"] = $"http://127.0.0.1:{gatewayHttpPort}",
        };
        foreach (var (key, value) in settings)
        {
            common[key] = value;
        }
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gatewayHttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string ConnectionString { get; }
    public HttpClient Http { get; }
    public HostProcess?[] Silos { get; } = new HostProcess?[2];
    /// <summary>Silos killed so far, kept for their output.</summary>
    public List<HostProcess> KilledSilos { get; } = [];
    public HostProcess? Gateway { get; private set; }

    /// <summary>Starts both silos at once against an empty database, then the gateway.</summary>
    /// <param name="settings">More settings for every process, e.g. the SMTP server their dispatchers send to.</param>
    public static async Task<ProductionCluster> StartAsync(PostgresServer server, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new ProductionCluster(await server.CreateDatabaseAsync(), settings ?? new Dictionary<string, string?>());
        try
        {
            await Task.WhenAll(cluster.StartSiloAsync(0), cluster.StartSiloAsync(1));
            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            // A fixture that fails to start is never disposed by xunit: stop what did start.
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Only the gateway, hosting a silo of the cluster itself (<c>Orleans__HostSilo</c>); silo processes
    /// can join it with <see cref="StartSiloAsync"/>.
    /// </summary>
    public static async Task<ProductionCluster> StartGatewayHostingSiloAsync(PostgresServer server, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var cluster = new ProductionCluster(await server.CreateDatabaseAsync(), settings ?? new Dictionary<string, string?>(), gatewayHostsSilo: true);
        try
        {
            await cluster.StartGatewayAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts silo <paramref name="index"/> on its ports (again, after a kill) and waits until it is Active, 60 s unless <paramref name="readiness"/> says otherwise.</summary>
    public Task StartSiloAsync(int index, TimeSpan? readiness = null)
    {
        var ports = siloPorts[index];
        var silo = HostProcess.Start(RepositoryPaths.SiloDll, new Dictionary<string, string?>(common)
        {
            ["Orleans__SiloPort"] = ports.Silo.ToString(),
            ["Orleans__GatewayPort"] = ports.Gateway.ToString(),
            ["Operations__Port"] = ports.Operations.ToString(),
        });
        Silos[index] = silo;
        return silo.WaitUntilHealthyAsync($"http://127.0.0.1:{ports.Operations}/health/ready", readiness ?? TimeSpan.FromSeconds(60));
    }

    public async Task StartGatewayAsync()
    {
        var environment = new Dictionary<string, string?>(common)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{gatewayHttpPort}",
        };
        if (gatewayHostsSilo)
        {
            environment["Orleans__HostSilo"] = "true";
            environment["Orleans__SiloPort"] = gatewaySiloPorts.Silo.ToString();
            environment["Orleans__GatewayPort"] = gatewaySiloPorts.Gateway.ToString();
        }
        Gateway = HostProcess.Start(RepositoryPaths.GatewayDll, environment);
        await Gateway.WaitUntilHealthyAsync($"http://127.0.0.1:{gatewayHttpPort}/health/ready", TimeSpan.FromSeconds(60));
    }

    public string SiloHealthUrl(int index) => $"http://127.0.0.1:{siloPorts[index].Operations}/health/ready";

    /// <summary>SIGKILL: no graceful deactivation, unsaved state is lost.</summary>
    public async Task KillSiloAsync(int index)
    {
        var silo = Silos[index] ?? throw new InvalidOperationException($"silo {index} is not running");
        silo.Kill();
        await silo.WaitForExitAsync(TimeSpan.FromSeconds(10));
        Silos[index] = null;
        KilledSilos.Add(silo);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? writeKey = WriteKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (writeKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")));
        }
        return await Http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> ManageAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ManagementKey);
        return await Http.SendAsync(request);
    }

    /// <summary>Saves and publishes a journey, then waits until profiles run it (silos refresh their copy every half second).</summary>
    public async Task PublishJourneyAsync(JsonObject journey)
    {
        var id = (string)journey["id"]!;
        using (var draft = await ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", journey))
        {
            await EnsureSuccessAsync(draft);
        }
        using (var publish = await ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "keep" }))
        {
            await EnsureSuccessAsync(publish);
        }
        await Task.Delay(1500);
    }

    public async Task<JsonObject> GetProfileAsync(string kind, string id)
    {
        using var response = await ManageAsync(HttpMethod.Get, $"/api/profiles/{kind}/{id}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Polls a profile until <paramref name="done"/> holds; fails with the last view after the timeout.</summary>
    public async Task<JsonObject> WaitForProfileAsync(string kind, string id, Func<JsonObject, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        JsonObject? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await GetProfileAsync(kind, id);
                if (done(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // A profile whose silo just died answers again once the cluster has declared it dead.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"profile {kind}/{id} did not reach the expected state: {last?.ToJsonString()}");
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }
        foreach (var silo in Silos.OfType<HostProcess>().Concat(KilledSilos))
        {
            await silo.DisposeAsync();
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record SiloPorts
    {
        public int Silo { get; } = FreePort.Next();
        public int Gateway { get; } = FreePort.Next();
        public int Operations { get; } = FreePort.Next();
    }
}
