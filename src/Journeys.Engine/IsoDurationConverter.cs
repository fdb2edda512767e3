using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine;

/// <summary>Durations travel as ISO 8601 (<c>PT1H</c>, <c>P7D</c>, <c>-P30D</c>), which UIs and people read alike.</summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return IsoDuration.TryParse(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not an ISO 8601 duration such as PT1H or P7D.");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(IsoDuration.Format(value));
}
