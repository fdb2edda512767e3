namespace Journeys.Engine.Events;

/// <summary>Public access to the wire spelling of the event enums (route segments, docs, derived events).</summary>
public static class Wire
{
    public static string Name<T>(T value)
        where T : struct, Enum => WireNames<T>.Of(value);

    public static bool TryParse<T>(string name, out T value)
        where T : struct, Enum => WireNames<T>.TryParse(name, out value);
}
