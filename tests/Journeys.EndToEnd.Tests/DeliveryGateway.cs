using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// The embedded gateway with its channels pointed at local services: a real SMTP server (maildev)
/// and a recording stand-in for FCM. Shared by the delivery tests of one class.
/// </summary>
public class DeliveryGateway : IAsyncLifetime
{
    private HostProcess gateway = null!;
    private RefusingSmtpServer? refusingServer;

    /// <summary>E-mail goes to a receiving server that refuses unknown mailboxes (<see cref="RefusingSmtpServer"/>) instead of maildev.</summary>
    protected virtual bool RefusesUnknownRecipients => false;

    public MailDevServer Smtp { get; private set; } = null!;
    public RecordingHttpServer Fcm { get; } = new();
    public HttpClient Http { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Smtp = await MailDevServer.StartAsync();
        refusingServer = RefusesUnknownRecipients ? await RefusingSmtpServer.StartAsync() : null;
        var port = FreePort.Next();
        gateway = HostProcess.Start(RepositoryPaths.GatewayDll, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Delivery__Email__SmtpHost"] = "127.0.0.1",
            ["Delivery__Email__SmtpPort"] = (refusingServer?.Port ?? Smtp.SmtpPort).ToString(),
            ["Delivery__Email__UseTls"] = "false",
            ["Delivery__Email__From"] = "Tolls <hello@tolls.example>",
            ["Delivery__Push__BaseUrl"] = Fcm.BaseUrl.ToString(),
            ["Delivery__Push__ProjectId"] = "tolls-app",
            ["Delivery__Push__AccessToken"] = "test-access-token",
            ["Delivery__Tracking__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Delivery__Dispatch__PollInterval"] = "00:00:00.100",
        });
        await gateway.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/health/ready", TimeSpan.FromSeconds(60));
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await gateway.DisposeAsync();
        await Smtp.DisposeAsync();
        if (refusingServer is not null)
        {
            await refusingServer.DisposeAsync();
        }
        await Fcm.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Saves and publishes a journey, then waits until profiles run it (they refresh their copy every second).</summary>
    public async Task PublishAsync(JsonObject journey)
    {
        var id = (string)journey["id"]!;
        await ManageAsync(HttpMethod.Put, $"/api/journeys/{id}/draft", journey);
        await ManageAsync(HttpMethod.Post, $"/api/journeys/{id}/publish", new JsonObject { ["inFlight"] = "keep" });
        await Task.Delay(1500, Ct);
    }

    public async Task ManageAsync(HttpMethod method, string path, JsonNode body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "embedded-admin-key");
        using var response = await Http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public async Task WriteAsync(string path, JsonNode body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("embedded-demo-key:"u8.ToArray()));
        using var response = await Http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    public async Task<JsonObject> WaitForAsync(string path, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonObject last = [];
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "embedded-admin-key");
            using var response = await Http.SendAsync(request, Ct);
            last = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            if (done(last))
            {
                return last;
            }
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"{path} did not reach the expected state: {last}");
    }

    public static JsonObject Journey(string id, string triggerEvent, JsonObject message) => new()
    {
        ["id"] = id,
        ["version"] = 1,
        ["name"] = id,
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = triggerEvent, ["next"] = "send" },
        ["entry"] = new JsonObject { ["mode"] = "always" },
        ["nodes"] = new JsonArray(message, new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    };
}

/// <summary>The delivery gateway whose e-mail goes to a receiving server that refuses unknown mailboxes.</summary>
public sealed class RefusingMailGateway : DeliveryGateway
{
    protected override bool RefusesUnknownRecipients => true;
}
