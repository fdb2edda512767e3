namespace Journeys.Engine.Journeys;

/// <summary>A parsed definition (null when the JSON could not be read) and every error found.</summary>
public sealed record JourneyParseResult(JourneyDefinition? Definition, IReadOnlyList<ValidationError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
