using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Journeys.Benchmarks.Popups;

/// <summary><c>/v1/batch</c> bodies of numbered trigger events, message n for visitor n mod visitors.</summary>
public static class PingBatches
{
    public static int VisitorOf(long n, int visitors) => (int)(n % visitors);

    public static byte[] Body(string runId, long from, int size, int visitors)
    {
        var buffer = new ArrayBufferWriter<byte>(size * 160);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("batch");
            for (var n = from; n < from + size; n++)
            {
                json.WriteStartObject();
                json.WriteString("type", "track");
                json.WriteString("event", PopupJourney.Trigger);
                json.WriteString("userId", VisitorFleet.VisitorId(VisitorOf(n, visitors)));
                json.WriteString("messageId", string.Create(CultureInfo.InvariantCulture, $"{runId}-{n}"));
                json.WriteStartObject("properties");
                json.WriteNumber("n", n);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
