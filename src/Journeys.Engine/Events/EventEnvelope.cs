using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Journeys.Engine.Events.Catalogue;

namespace Journeys.Engine.Events;

/// <summary>
/// One validated event in the shape of the Segment tracking spec, plus the kind of profile it addresses.
/// The JSON objects are owned by the envelope: treat them as read-only and clone before changing.
/// </summary>
public sealed record EventEnvelope
{
    /// <summary>Idempotency key. Generated when the sender gave none, and then a resend cannot be recognised.</summary>
    public required string MessageId { get; init; }

    public bool MessageIdGenerated { get; init; }

    public required EventType Type { get; init; }

    /// <summary>The event name of a <c>track</c> call.</summary>
    public string? Event { get; init; }

    /// <summary>The page or screen name of a <c>page</c> or <c>screen</c> call.</summary>
    public string? Name { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    public string? PreviousId { get; init; }

    public string? GroupId { get; init; }

    /// <summary>When it happened: the sender's timestamp, or the receive time when none was sent.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public ProfileKind ProfileKind { get; init; } = ProfileKind.Customer;

    public JsonObject Properties { get; init; } = [];

    public JsonObject Traits { get; init; } = [];

    public JsonObject Context { get; init; } = [];

    public JsonObject Integrations { get; init; } = [];

    /// <summary>The typed properties of a catalogued event, null for custom events and non-track calls.</summary>
    [JsonIgnore]
    public EventProperties? Typed { get; init; }

    /// <summary>The profile the event was sent for: the user id when known, else the anonymous id.</summary>
    [JsonIgnore]
    public string ProfileId => UserId ?? AnonymousId
        ?? throw new InvalidOperationException($"Event {MessageId} has neither userId nor anonymousId.");
}
