using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Channels.Dispatch;
using Journeys.Channels.Providers;
using Journeys.Channels.Rendering;
using Journeys.Engine;
using Journeys.Engine.Journeys;
using Journeys.Storage.Outbox;
using Journeys.Storage.Templates;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journeys.Channels.Tests;

/// <summary>One test's world: a migrated database with its outbox, a recording SMS gateway, profiles, dispatchers.</summary>
public sealed class OutboxFixture : IAsyncDisposable
{
    private OutboxFixture(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Outbox = new PostgresOutboxStore(dataSource, NullLogger<PostgresOutboxStore>.Instance);
        Templates = new PostgresTemplateStore(dataSource);
    }

    public NpgsqlDataSource DataSource { get; }
    public PostgresOutboxStore Outbox { get; }
    public PostgresTemplateStore Templates { get; }
    public RecordingHttpServer SmsGateway { get; } = new();
    public KnownProfiles Profiles { get; } = new();
    private HttpClient Http { get; } = new();

    public static async Task<OutboxFixture> CreateAsync(PostgresFixture postgres)
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        return new OutboxFixture(NpgsqlDataSource.Create(database.ConnectionString));
    }

    public static DispatchSettings Fast(int maxAttempts = 5) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        Lease = TimeSpan.FromSeconds(30),
        LeaseMargin = TimeSpan.FromSeconds(1),
        RetryBase = TimeSpan.FromMilliseconds(50),
        MaxAttempts = maxAttempts,
        BatchSize = 5,
    };

    /// <summary>A dispatcher with the SMS provider and <paramref name="others"/>.</summary>
    public OutboxDispatcher Dispatcher(DispatchSettings settings, params IMessageProvider[] others) => new(
        Outbox, Profiles, new TemplateRenderer(Templates),
        [new SmsProvider(Http, new SmsSettings { BaseUrl = new Uri(SmsGateway.BaseUrl, "messages").ToString(), ApiKey = "test-key" }), .. others],
        settings, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance);

    /// <summary>A profile with a phone number who consents to SMS.</summary>
    public void AddConsenting(string id) =>
        Profiles.Add(id, new JsonObject { ["phone"] = "+1555" + id.Length, ["firstName"] = id }, new ConsentGrant(Channel.Sms));

    /// <summary>What a profile grain queues for an SMS step of journey <c>welcome</c>.</summary>
    public static OutboxMessage Sms(string profileId, string node, MessageTemplate? template = null) => Message(profileId, node, Channel.Sms, template);

    /// <summary>What a profile grain queues for a push step of journey <c>welcome</c>.</summary>
    public static OutboxMessage Push(string profileId, string node) => Message(profileId, node, Channel.Push, null);

    /// <summary>What a profile grain queues for an e-mail step of journey <c>welcome</c>.</summary>
    public static OutboxMessage Email(string profileId, string node) =>
        Message(profileId, node, Channel.Email, new MessageTemplate { Subject = "Welcome", Body = "<p>Hello {{ traits.firstName }}</p>" });

    private static OutboxMessage Message(string profileId, string node, Channel channel, MessageTemplate? template)
    {
        var key = $"{profileId}/welcome/v1/i-{profileId}/{node}/1";
        var command = new SendMessage
        {
            ProfileId = profileId, JourneyId = "welcome", Version = 1, InstanceId = $"i-{profileId}", NodeId = node, DedupeKey = key,
            Channel = channel, Topic = "offers",
            Template = template ?? new MessageTemplate { Body = "Hello {{ traits.firstName }}, {{ context.offer }} ({{ journey.id }})" },
            Context = JsonSerializer.SerializeToElement(new { offer = "20% off" }),
        };
        var payload = JsonSerializer.Serialize(new { command = (JourneyCommand)command, @event = (object?)null }, EngineJson.Options);
        return new OutboxMessage(key, "customer", profileId, "welcome", 1, node, channel.ToString().ToLowerInvariant(), "offers", payload, DateTimeOffset.UtcNow);
    }

    /// <summary>Runs the dispatcher until <paramref name="done"/> holds; fails after the timeout.</summary>
    public static async Task DispatchUntilAsync(OutboxDispatcher dispatcher, Func<Task<bool>> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"the outbox did not settle within {timeout}");
            if (await dispatcher.DispatchOnceAsync(TestContext.Current.CancellationToken) == 0)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    public async Task<long> CountAsync(string where = "true")
    {
        await using var command = DataSource.CreateCommand($"SELECT count(*) FROM outbox WHERE {where}");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<OutboxRow> RowAsync(string dedupeKey) => (await Outbox.FindAsync(dedupeKey))!;

    public async ValueTask DisposeAsync()
    {
        await SmsGateway.DisposeAsync();
        await Outbox.DisposeAsync();
        await DataSource.DisposeAsync();
        Http.Dispose();
    }
}
