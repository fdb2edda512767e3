using System.Text.Json;

namespace Journeys.Engine.Journeys;

/// <summary>Reads a definition from JSON and validates it; malformed JSON is reported like any other error.</summary>
public static class JourneyParser
{
    public static JourneyParseResult Parse(string json)
    {
        JourneyDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<JourneyDefinition>(json, EngineJson.Options);
        }
        catch (JsonException exception)
        {
            return new(null, [new ValidationError(Location(exception.Path), FirstLine(exception.Message))]);
        }

        return definition is null
            ? new(null, [new ValidationError("$", "a journey object is required")])
            : new(definition, JourneyValidator.Validate(definition));
    }

    public static string ToJson(JourneyDefinition definition) => JsonSerializer.Serialize(definition, EngineJson.Options);

    // "$.nodes[3].next" reads as "nodes[3].next", the form the validator uses.
    private static string Location(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "$" : path.TrimStart('$', '.');

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
