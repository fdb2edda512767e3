namespace Journeys.Engine.Events;

/// <summary>One bad field of an input, located by its JSON path, e.g. <c>$.batch[3].properties.pnr</c>.</summary>
public sealed record FieldError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
