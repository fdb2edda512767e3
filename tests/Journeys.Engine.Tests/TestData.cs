using System.Text.Json;
using Journeys.Engine.Journeys;

namespace Journeys.Engine.Tests;

/// <summary>Small builders so tests read as the scenario they check.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Monday9Utc = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Props(object value) => JsonSerializer.SerializeToElement(value);

    public static JourneyEvent Event(string name, DateTimeOffset at, object? properties = null, string? id = null) => new()
    {
        MessageId = id ?? $"{name}-{at.ToUnixTimeMilliseconds()}",
        Name = name,
        Timestamp = at,
        Properties = Props(properties ?? new { }),
    };

    public static ProfileView Profile(string id = "profile-1", object? traits = null, object? computed = null, string timeZone = "UTC") => new()
    {
        ProfileId = id,
        TimeZone = timeZone,
        Traits = Props(traits ?? new { }),
        Computed = Props(computed ?? new { }),
        Consents = [new ConsentGrant(Channel.Email), new ConsentGrant(Channel.Sms), new ConsentGrant(Channel.Push), new ConsentGrant(Channel.Telegram)],
    };

    /// <summary>A journey triggered by the event "Start" whose first node is the first one given.</summary>
    public static JourneyDefinition Journey(params JourneyNode[] nodes) => new()
    {
        Id = "test-journey",
        Version = 1,
        Trigger = new EventTrigger { Event = "Start", Next = nodes[0].Id },
        Entry = new EntryPolicy { Mode = EntryMode.Always },
        Nodes = nodes,
    };

    public static ExitNode Exit(string id = "done") => new() { Id = id };

    public static MessageNode Email(string id, string next, string topic = "news") => new()
    {
        Id = id,
        Channel = Channel.Email,
        Topic = topic,
        Template = new MessageTemplate { Id = $"{id}-template" },
        Next = next,
    };

    public static StepResult Start(JourneyDefinition journey, ProfileView profile, DateTimeOffset now, object? properties = null) =>
        JourneyInterpreter.Start(journey, profile, new EventReceived(Event("Start", now, properties)), "instance-1", now);

    public static StepResult Timer(JourneyDefinition journey, JourneyInstance instance, ProfileView profile, DateTimeOffset now) =>
        JourneyInterpreter.Step(journey, instance, new TimerFired(), profile, now);

    public static StepResult Receive(JourneyDefinition journey, JourneyInstance instance, ProfileView profile, JourneyEvent @event) =>
        JourneyInterpreter.Step(journey, instance, new EventReceived(@event), profile, @event.Timestamp);

    public static IEnumerable<T> OfType<T>(this StepResult result) => result.Commands.OfType<T>();
}
