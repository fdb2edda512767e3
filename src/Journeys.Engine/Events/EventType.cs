namespace Journeys.Engine.Events;

/// <summary>The Segment call type; on the wire it is the lower-case name (<c>track</c>, <c>identify</c>...).</summary>
public enum EventType
{
    Track,
    Identify,
    Page,
    Screen,
    Alias,
    Group,
}
