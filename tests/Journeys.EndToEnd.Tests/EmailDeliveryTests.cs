using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>
/// A journey's e-mail from step to inbox and back: the embedded gateway sends it over SMTP to a real
/// SMTP server (maildev), and the pixel, the tracked link and the unsubscribe page in it come back as
/// events on the profile and withdraw its consent.
/// </summary>
public sealed partial class EmailDeliveryTests : IAsyncLifetime
{
    private const string Customer = "mail-ann";
    private MailDevServer smtp = null!;
    private HostProcess gateway = null!;
    private HttpClient http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        smtp = await MailDevServer.StartAsync();
        var port = FreePort.Next();
        gateway = HostProcess.Start(RepositoryPaths.GatewayDll, new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Orleans__SiloPort"] = FreePort.Next().ToString(),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(),
            ["Delivery__Email__SmtpHost"] = "127.0.0.1",
            ["Delivery__Email__SmtpPort"] = smtp.SmtpPort.ToString(),
            ["Delivery__Email__UseTls"] = "false",
            ["Delivery__Email__From"] = "Tolls <hello@tolls.example>",
            ["Delivery__Tracking__PublicBaseUrl"] = $"http://127.0.0.1:{port}",
            ["Delivery__Dispatch__PollInterval"] = "00:00:00.100",
        });
        await gateway.WaitUntilHealthyAsync($"http://127.0.0.1:{port}/health/ready", TimeSpan.FromSeconds(30));
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await gateway.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task The_email_arrives_rendered_and_its_pixel_link_and_unsubscribe_page_come_back_as_events_that_withdraw_consent()
    {
        await ManageAsync(HttpMethod.Put, "/api/templates/trip-thanks", new JsonObject
        {
            ["subject"] = "How was the {{ context.road }}, {{ traits.firstName }}?",
            ["body"] = "<p>Hello {{ traits.firstName }}, <a href=\"https://tolls.example/offers?road={{ context.road }}\">see this season's prices</a></p>",
        });
        await ManageAsync(HttpMethod.Put, "/api/journeys/trip-thanks/draft", Journey());
        await ManageAsync(HttpMethod.Post, "/api/journeys/trip-thanks/publish", new JsonObject { ["inFlight"] = "keep" });
        await WriteAsync("/v1/identify", new JsonObject { ["userId"] = Customer, ["traits"] = new JsonObject { ["email"] = "ann@tolls.example", ["firstName"] = "Ann" } });
        await ManageAsync(HttpMethod.Post, $"/api/profiles/customer/{Customer}/consent", new JsonObject { ["channel"] = "email", ["granted"] = true });
        // Profiles refresh their copy of the published journeys every second.
        await Task.Delay(1500, Ct);
        await WriteAsync("/v1/track", Events.Trip("mail-trip-1", Customer));

        var email = await smtp.WaitForEmailAsync(e => e["to"]!.AsArray().Any(t => (string?)t!["address"] == "ann@tolls.example"), TimeSpan.FromSeconds(30));
        Assert.Equal("How was the M12, Ann?", (string?)email["subject"]);
        var html = (string)email["html"]!;
        Assert.Contains("Hello Ann,", html, StringComparison.Ordinal);
        using var source = await smtp.SourceAsync(email);
        Assert.Equal("List-Unsubscribe=One-Click", source.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri(UnsubscribeHeader().Match(source.Headers["List-Unsubscribe"] ?? "").Groups[1].Value);

        using (var pixel = await http.GetAsync(new Uri(WebUtility.HtmlDecode(Pixel().Match(html).Groups[1].Value)), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, pixel.StatusCode);
            Assert.Equal("image/gif", pixel.Content.Headers.ContentType?.MediaType);
        }
        var click = new Uri(WebUtility.HtmlDecode(TrackedLink().Match(html).Groups[1].Value));
        using (var forged = await http.GetAsync(new Uri(click.ToString().Replace("tolls.example", "evil.example", StringComparison.Ordinal)), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        }
        using (var redirect = await http.GetAsync(click, Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.Equal(new Uri("https://tolls.example/offers?road=M12"), redirect.Headers.Location);
        }
        using (var page = await http.GetAsync(unsubscribe, Ct))
        {
            Assert.Contains("<form method=\"post\">", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var oneClick = await http.PostAsync(unsubscribe, new StringContent("List-Unsubscribe=One-Click", Encoding.UTF8, "application/x-www-form-urlencoded"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        }

        var export = await WaitForAsync($"/api/profiles/customer/{Customer}/export",
            p => new[] { "Message Opened", "Message Clicked", "Message Unsubscribed" }.All(name => p["events"]!.AsArray().Any(e => (string?)e!["event"] == name)));
        var clicked = export["events"]!.AsArray().Single(e => (string?)e!["event"] == "Message Clicked")!;
        Assert.Equal("https://tolls.example/offers?road=M12", (string?)clicked["properties"]!["url"]);
        var mail = Assert.Single(export["timeline"]!.AsArray(), t => (string?)t!["type"] == "sendMessage")!;
        Assert.Equal("sent", (string?)mail["status"]);
        Assert.Equal((string?)mail["dedupeKey"], (string?)clicked["properties"]!["deliveryId"]);
        var consent = export["profile"]!["consent"]!;
        Assert.True((bool)consent["channels"]!["email"]!["granted"]!);
        Assert.False((bool)consent["topics"]!["email/trips"]!["granted"]!);
    }

    private static JsonObject Journey() => new()
    {
        ["id"] = "trip-thanks",
        ["version"] = 1,
        ["name"] = "Thanks for the trip",
        ["trigger"] = new JsonObject { ["type"] = "event", ["event"] = "Trip Completed", ["next"] = "mail" },
        ["entry"] = new JsonObject { ["mode"] = "always" },
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "mail", ["type"] = "message", ["channel"] = "email", ["topic"] = "trips", ["template"] = new JsonObject { ["id"] = "trip-thanks" }, ["next"] = "done" },
            new JsonObject { ["id"] = "done", ["type"] = "exit" }),
    };

    private async Task ManageAsync(HttpMethod method, string path, JsonNode body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "embedded-admin-key");
        using var response = await http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task WriteAsync(string path, JsonNode body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("embedded-demo-key:"u8.ToArray()));
        using var response = await http.SendAsync(request, Ct);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private async Task<JsonObject> WaitForAsync(string path, Func<JsonObject, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonObject last = [];
        while (DateTime.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "embedded-admin-key");
            using var response = await http.SendAsync(request, Ct);
            last = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            if (done(last))
            {
                return last;
            }
            await Task.Delay(200, Ct);
        }
        throw new TimeoutException($"{path} did not reach the expected state: {last}");
    }

    [GeneratedRegex("<img src=\"([^\"]+)\"")]
    private static partial Regex Pixel();

    [GeneratedRegex("href=\"([^\"]+/t/c/[^\"]+)\"")]
    private static partial Regex TrackedLink();

    [GeneratedRegex("<([^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
