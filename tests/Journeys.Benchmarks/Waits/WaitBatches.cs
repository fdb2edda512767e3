using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Journeys.Benchmarks.Waits;

/// <summary><c>/v1/batch</c> bodies of trigger events, one per profile, each with the due time of its wait.</summary>
public sealed class WaitBatches(string runId, DateTimeOffset firstDue, TimeSpan window, int profiles)
{
    public static string ProfileId(int n) => string.Create(CultureInfo.InvariantCulture, $"wait-{n}");

    /// <summary>Due times spread evenly over the window, in profile order.</summary>
    public DateTimeOffset DueAt(int n) => firstDue + window * ((double)n / profiles);

    public byte[] Body(int from, int size)
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
                json.WriteString("event", WaitJourney.Trigger);
                json.WriteString("userId", ProfileId(n));
                json.WriteString("messageId", string.Create(CultureInfo.InvariantCulture, $"{runId}-{n}"));
                json.WriteStartObject("properties");
                json.WriteString("dueAt", DueAt(n).UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
