using System.Globalization;
using Journeys.Benchmarks.Load;

namespace Journeys.Benchmarks.Popups;

/// <summary><c>/v1/batch</c> bodies of numbered trigger events, message n for visitor n mod visitors.</summary>
public static class PingBatches
{
    public static int VisitorOf(long n, int visitors) => (int)(n % visitors);

    public static byte[] Body(string runId, long from, int size, int visitors) => TrackBatch.Body(
        PopupJourney.Trigger, from, size,
        n => VisitorFleet.VisitorId(VisitorOf(n, visitors)),
        n => string.Create(CultureInfo.InvariantCulture, $"{runId}-{n}"),
        (json, n) => json.WriteNumber("n", n));
}
