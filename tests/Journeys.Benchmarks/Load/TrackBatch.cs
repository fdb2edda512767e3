using System.Buffers;
using System.Text.Json;

namespace Journeys.Benchmarks.Load;

/// <summary>A <c>/v1/batch</c> body of track events of one name, numbered <c>from</c> to <c>from + size - 1</c>.</summary>
public static class TrackBatch
{
    /// <param name="userId">The profile of event n.</param>
    /// <param name="messageId">The message id of event n.</param>
    /// <param name="properties">Writes the properties of event n into the open properties object.</param>
    public static byte[] Body(string eventName, long from, int size, Func<long, string> userId, Func<long, string> messageId, Action<Utf8JsonWriter, long> properties)
    {
        var buffer = new ArrayBufferWriter<byte>(size * 200);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("batch");
            for (var n = from; n < from + size; n++)
            {
                json.WriteStartObject();
                json.WriteString("type", "track");
                json.WriteString("event", eventName);
                json.WriteString("userId", userId(n));
                json.WriteString("messageId", messageId(n));
                json.WriteStartObject("properties");
                properties(json, n);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
