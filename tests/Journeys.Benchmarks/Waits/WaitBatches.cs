using System.Globalization;
using Journeys.Benchmarks.Load;

namespace Journeys.Benchmarks.Waits;

/// <summary><c>/v1/batch</c> bodies of trigger events, one per profile, each with the due time of its wait.</summary>
public sealed class WaitBatches(string runId, DateTimeOffset firstDue, TimeSpan window, int profiles)
{
    public static string ProfileId(long n) => string.Create(CultureInfo.InvariantCulture, $"wait-{n}");

    /// <summary>Due times spread evenly over the window, in profile order.</summary>
    public DateTimeOffset DueAt(long n) => firstDue + window * ((double)n / profiles);

    public byte[] Body(int from, int size) => TrackBatch.Body(
        WaitJourney.Trigger, from, size,
        ProfileId,
        n => string.Create(CultureInfo.InvariantCulture, $"{runId}-{n}"),
        (json, n) => json.WriteString("dueAt", DueAt(n).UtcDateTime.ToString("O", CultureInfo.InvariantCulture)));
}
