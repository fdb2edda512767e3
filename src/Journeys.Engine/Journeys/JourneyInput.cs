using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine.Journeys;

/// <summary>What moves an instance (or starts one).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EventReceived), "event")]
[JsonDerivedType(typeof(TimerFired), "timer")]
[JsonDerivedType(typeof(ApiTriggered), "api")]
[JsonDerivedType(typeof(SegmentEntered), "segmentEntered")]
[JsonDerivedType(typeof(DateReached), "dateReached")]
public abstract record JourneyInput;

public sealed record EventReceived(JourneyEvent Event) : JourneyInput;

/// <summary>The caller's reminder or timer went off; every wait due by now proceeds.</summary>
public sealed record TimerFired : JourneyInput;

/// <summary>An explicit start through the API; <paramref name="Payload"/> becomes the context.</summary>
public sealed record ApiTriggered(string JourneyId, JsonElement Payload) : JourneyInput;

public sealed record SegmentEntered(string Segment) : JourneyInput;

/// <summary>A date-relative trigger came due; <paramref name="Source"/> is the event whose anniversary it is.</summary>
public sealed record DateReached(DateTimeOffset DueAt, JourneyEvent? Source) : JourneyInput;
