namespace Journeys.Engine;

/// <summary>One problem found in a definition, located by its JSON path (e.g. <c>nodes[3].next</c>).</summary>
public sealed record ValidationError(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
