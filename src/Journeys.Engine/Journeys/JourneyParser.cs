using System.Text.Json;
using System.Text.RegularExpressions;

namespace Journeys.Engine.Journeys;

/// <summary>Reads a definition from JSON and validates it; malformed JSON is reported like any other error.</summary>
public static partial class JourneyParser
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
            return new(null, [.. Errors(exception)]);
        }
        catch (NotSupportedException exception)
        {
            // The serializer says so when a node or trigger has no "type" to pick its kind by; the path is only in the message.
            var at = Location(PathIn(exception.Message));
            return new(null, [new ValidationError(at == "$" ? "type" : at + ".type", "a \"type\" naming the kind of node, trigger or condition is required")]);
        }

        return definition is null
            ? new(null, [new ValidationError("$", "a journey object is required")])
            : new(definition, JourneyValidator.Validate(definition));
    }

    public static string ToJson(JourneyDefinition definition) => JsonSerializer.Serialize(definition, EngineJson.Options);

    // "$.nodes[3].next" reads as "nodes[3].next", the form the validator uses.
    private static string Location(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "$" : path.TrimStart('$', '.');

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    // The serializer reports missing required properties at their object; the error belongs to each property.
    private static IEnumerable<ValidationError> Errors(JsonException exception)
    {
        var location = Location(exception.Path);
        var missing = MissingProperties().Match(exception.Message);
        return missing.Success
            ? missing.Groups[1].Value.Split(", ").Select(name => new ValidationError(
                location == "$" ? name.Trim('\'') : $"{location}.{name.Trim('\'')}", "a value is required"))
            : [new ValidationError(location, FirstLine(exception.Message))];
    }

    [GeneratedRegex("missing required properties including: ('[^']+'(?:, '[^']+')*)")]
    private static partial Regex MissingProperties();

    private static string? PathIn(string message) => PathInMessage().Match(message) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"Path: (\$[^ |]*)")]
    private static partial Regex PathInMessage();
}
