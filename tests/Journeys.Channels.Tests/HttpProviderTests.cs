using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Channels.Providers;
using Journeys.Engine.Journeys;
using Journeys.Storage.Devices;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Journeys.Channels.Tests;

/// <summary>The request shapes of the real services, as a local server records them.</summary>
public sealed class HttpProviderTests : IAsyncDisposable
{
    private readonly RecordingHttpServer server = new();
    private readonly HttpClient http = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static OutgoingMessage Message(JsonObject traits, CallWebhook? webhook = null) =>
        new("ann/promo/v1/i1/n1/1", "customer", "ann", "promo", "offers", "Your code", "SAVE15 for you", JsonSerializer.SerializeToElement(traits), webhook);

    [Fact]
    public async Task Telegram_posts_sendMessage_to_the_bot_path_with_the_chat_of_the_profile()
    {
        var telegram = new TelegramProvider(http, new TelegramSettings { BaseUrl = server.BaseUrl.ToString(), BotToken = "123:abc" });

        await telegram.SendAsync(Message(new JsonObject { ["telegramChatId"] = 4242 }), Ct);

        var call = Assert.Single(server.Accepted);
        Assert.Equal(("POST", "/bot123:abc/sendMessage"), (call.Method, call.Path));
        var body = JsonNode.Parse(call.Body)!;
        Assert.Equal(("4242", "SAVE15 for you"), ((string?)body["chat_id"], (string?)body["text"]));
    }

    [Fact]
    public async Task Push_sends_an_FCM_v1_message_to_every_registered_device_of_the_profile()
    {
        var devices = new InMemoryDeviceStore();
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "phone-token", "android"), Ct);
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "tablet-token", "ios"), Ct);
        await devices.RegisterAsync(new DeviceToken("customer", "bob", "other-token", "ios"), Ct);
        var push = new PushProvider(http, new PushSettings { BaseUrl = server.BaseUrl.ToString(), ProjectId = "tolls", AccessToken = "ya29.token" }, devices, NullLogger<PushProvider>.Instance);

        await push.SendAsync(Message([]), Ct);

        Assert.All(server.Accepted, c => Assert.Equal("/v1/projects/tolls/messages:send", c.Path));
        Assert.All(server.Accepted, c => Assert.Equal("Bearer ya29.token", c.Headers["Authorization"]));
        var sent = server.Accepted.Select(c => JsonNode.Parse(c.Body)!["message"]!).ToList();
        Assert.Equal(["phone-token", "tablet-token"], sent.Select(m => (string?)m["token"]).Order());
        Assert.All(sent, m => Assert.Equal(("Your code", "SAVE15 for you"), ((string?)m["notification"]!["title"], (string?)m["notification"]!["body"])));
    }

    [Fact]
    public async Task Push_forgets_a_token_FCM_answers_unregistered_for_and_still_reaches_the_other_devices()
    {
        var devices = new InMemoryDeviceStore();
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "uninstalled-token", "android"), Ct);
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "phone-token", "ios"), Ct);
        UnregisteredAtFcm("uninstalled-token");

        await Push(devices).SendAsync(Message([]), Ct);

        Assert.Equal(["phone-token"], server.Accepted.Select(c => (string?)JsonNode.Parse(c.Body)!["message"]!["token"]));
        Assert.Equal(["phone-token"], (await devices.ForProfileAsync("customer", "ann", Ct)).Select(d => d.Token));
    }

    [Fact]
    public async Task Push_whose_every_token_is_unregistered_fails_for_good_and_forgets_them()
    {
        var devices = new InMemoryDeviceStore();
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "uninstalled-token", "android"), Ct);
        UnregisteredAtFcm("uninstalled-token");

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Push(devices).SendAsync(Message([]), Ct));

        Assert.True(failure.Permanent);
        Assert.Empty(await devices.ForProfileAsync("customer", "ann", Ct));
    }

    [Fact]
    public async Task Push_answered_404_without_unregistered_keeps_the_token_and_fails()
    {
        var devices = new InMemoryDeviceStore();
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "phone-token", "ios"), Ct);
        server.Respond = (_, _) => Task.FromResult(404);

        await Assert.ThrowsAsync<DeliveryException>(() => Push(devices).SendAsync(Message([]), Ct));

        Assert.Single(await devices.ForProfileAsync("customer", "ann", Ct));
    }

    [Fact]
    public async Task Push_retried_after_a_device_failed_for_a_while_goes_only_to_the_device_that_has_not_had_it()
    {
        var devices = await DevicesOfAnnAsync("phone-token", "tablet-token");
        var tabletCalls = 0;
        server.Respond = (call, _) => Task.FromResult(TokenOf(call) == "tablet-token" && Interlocked.Increment(ref tabletCalls) == 1 ? 503 : 200);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Push(devices).SendAsync(Message([]), Ct));
        await Push(devices).SendAsync(Message([]), Ct);

        Assert.False(failure.Permanent);
        Assert.Contains("1 of 2 devices have the message", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["phone-token", "tablet-token", "tablet-token"], server.Calls.Select(TokenOf).Order());
        Assert.Equal(["phone-token", "tablet-token"], server.Accepted.Select(TokenOf).Order());
    }

    [Fact]
    public async Task Push_retried_skips_a_device_that_refused_for_good_and_succeeds_when_another_takes_it()
    {
        var devices = await DevicesOfAnnAsync("broken-token", "tablet-token");
        var tabletCalls = 0;
        server.Respond = (call, _) => Task.FromResult(TokenOf(call) == "broken-token" ? 400 : Interlocked.Increment(ref tabletCalls) == 1 ? 503 : 200);

        await Assert.ThrowsAsync<DeliveryException>(() => Push(devices).SendAsync(Message([]), Ct));
        await Push(devices).SendAsync(Message([]), Ct);

        Assert.Equal(["broken-token", "tablet-token", "tablet-token"], server.Calls.Select(TokenOf).Order());
        Assert.Equal(["tablet-token"], server.Accepted.Select(TokenOf));
    }

    [Fact]
    public async Task Push_refused_for_good_by_every_device_fails_for_good_naming_the_reason()
    {
        var devices = new InMemoryDeviceStore();
        await devices.RegisterAsync(new DeviceToken("customer", "ann", "broken-token", "android"), Ct);
        server.Respond = (_, _) => Task.FromResult(400);
        server.Answer = _ => """{"error":{"code":400,"status":"INVALID_ARGUMENT"}}""";

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => Push(devices).SendAsync(Message([]), Ct));

        Assert.True(failure.Permanent);
        Assert.Contains("INVALID_ARGUMENT", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<InMemoryDeviceStore> DevicesOfAnnAsync(params string[] tokens)
    {
        var devices = new InMemoryDeviceStore();
        foreach (var token in tokens)
        {
            await devices.RegisterAsync(new DeviceToken("customer", "ann", token, "android"), Ct);
        }
        return devices;
    }

    private static string? TokenOf(RecordedCall call) => (string?)JsonNode.Parse(call.Body)!["message"]!["token"];

    private PushProvider Push(InMemoryDeviceStore devices) =>
        new(http, new PushSettings { BaseUrl = server.BaseUrl.ToString(), ProjectId = "tolls" }, devices, NullLogger<PushProvider>.Instance);

    /// <summary>FCM v1's answer for a token it no longer knows.</summary>
    private void UnregisteredAtFcm(string token)
    {
        bool IsFor(RecordedCall call) => call.Body.Contains(token, StringComparison.Ordinal);
        server.Respond = (call, _) => Task.FromResult(IsFor(call) ? 404 : 200);
        server.Answer = call => IsFor(call)
            ? """{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND","details":[{"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"UNREGISTERED"}]}}"""
            : """{"name":"projects/tolls/messages/1"}""";
    }

    [Fact]
    public async Task Push_to_a_profile_without_devices_fails_for_good()
    {
        var push = new PushProvider(http, new PushSettings { BaseUrl = server.BaseUrl.ToString(), ProjectId = "tolls" }, new InMemoryDeviceStore(), NullLogger<PushProvider>.Instance);

        var failure = await Assert.ThrowsAsync<DeliveryException>(() => push.SendAsync(Message([]), Ct));

        Assert.True(failure.Permanent);
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task A_webhook_carries_an_HMAC_signature_of_its_body_and_the_dedupe_key_as_idempotency_key()
    {
        var webhook = new CallWebhook { Url = new Uri(server.BaseUrl, "hooks/crm"), Method = "POST", DedupeKey = "ann/promo/v1/i1/n1/1" };
        var provider = new WebhookProvider(http, new WebhookSettings { SigningSecret = "s3cret" });

        await provider.SendAsync(Message([], webhook) with { Body = """{"customer":"ann"}""" }, Ct);

        var call = Assert.Single(server.Accepted);
        Assert.Equal(("/hooks/crm", """{"customer":"ann"}""", "ann/promo/v1/i1/n1/1"), (call.Path, call.Body, call.IdempotencyKey));
        var expected = "sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData("s3cret"u8, """{"customer":"ann"}"""u8));
        Assert.Equal(expected, call.Headers[WebhookProvider.SignatureHeader]);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }
}
