using System.Text.Json.Nodes;
using Journeys.Engine.Journeys;

namespace Journeys.Gateway.Journeys;

/// <summary>
/// Checks a journey definition sent to the API with the engine's parser and validator. The id may be left
/// out (the URL gives it); the version is always the catalogue's to assign, so any value sent is replaced.
/// </summary>
internal static class JourneyDefinitionBody
{
    /// <summary>The definition JSON to store, with every problem recorded in <paramref name="errors"/>.</summary>
    public static string Check(JsonObject body, string? journeyId, FieldErrors errors)
    {
        var json = body.DeepClone().AsObject();
        if (journeyId is not null)
        {
            var id = JourneyRequests.String(json, "id", errors);
            if (id is null)
            {
                json["id"] = journeyId;
            }
            else if (id != journeyId)
            {
                errors.Add("$.id", $"is '{id}' but the URL names journey '{journeyId}'");
            }
        }

        json["version"] = 1;
        var text = json.ToJsonString();
        foreach (var error in JourneyParser.Parse(text).Errors)
        {
            errors.AddEngine(error.Location, error.Message);
        }
        return text;
    }
}
