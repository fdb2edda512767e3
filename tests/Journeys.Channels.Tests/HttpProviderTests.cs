using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Channels.Providers;
using Journeys.Engine.Journeys;
using Journeys.Storage.Devices;
using Journeys.TestSupport;

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
        var push = new PushProvider(http, new PushSettings { BaseUrl = server.BaseUrl.ToString(), ProjectId = "tolls", AccessToken = "ya29.token" }, devices);

        await push.SendAsync(Message([]), Ct);

        Assert.All(server.Accepted, c => Assert.Equal("/v1/projects/tolls/messages:send", c.Path));
        Assert.All(server.Accepted, c => Assert.Equal("Bearer ya29.token", c.Headers["Authorization"]));
        var sent = server.Accepted.Select(c => JsonNode.Parse(c.Body)!["message"]!).ToList();
        Assert.Equal(["phone-token", "tablet-token"], sent.Select(m => (string?)m["token"]).Order());
        Assert.All(sent, m => Assert.Equal(("Your code", "SAVE15 for you"), ((string?)m["notification"]!["title"], (string?)m["notification"]!["body"])));
    }

    [Fact]
    public async Task Push_to_a_profile_without_devices_fails_for_good()
    {
        var push = new PushProvider(http, new PushSettings { BaseUrl = server.BaseUrl.ToString(), ProjectId = "tolls" }, new InMemoryDeviceStore());

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
