using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Engine;
using Journeys.Gateway.Ingestion;

namespace Journeys.Gateway.Journeys;

/// <summary>Reads management request bodies so that malformed JSON is answered like any other field error.</summary>
internal static class JourneyRequests
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>The body as a JSON object; null with an error recorded when it is missing (unless optional), too big or not an object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request, FieldErrors errors, bool optional, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            errors.Add("$", $"the body is over the {MaxBodyBytes}-byte limit");
            return null;
        }

        if (body.Value.IsEmpty)
        {
            if (!optional)
            {
                errors.Add("$", "a JSON object is required");
            }
            return optional ? [] : null;
        }

        if (!JsonText.IsUtf8(body.Value.Span))
        {
            errors.Add("$", JsonText.NotUtf8);
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body.Value);
            if (JsonText.FindLoneSurrogate(body.Value.Span, document.RootElement) is { } path)
            {
                errors.Add(path, JsonText.LoneSurrogate);
                return null;
            }
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return JsonObject.Create(document.RootElement.Clone());
            }
            errors.Add("$", "must be a JSON object");
        }
        catch (JsonException ex)
        {
            errors.Add("$", $"is not valid JSON: {ex.Message}");
        }
        return null;
    }

    public static string? String(JsonObject body, string property, FieldErrors errors)
    {
        var node = body[property];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }
        errors.Add("$." + property, "must be a string");
        return null;
    }
}
