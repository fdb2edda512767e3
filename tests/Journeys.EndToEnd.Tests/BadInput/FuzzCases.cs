using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>The run's cases: 40% single events, 35% batches, 25% journeys, interleaved, the same for the same seed.</summary>
public static class FuzzCases
{
    public static IReadOnlyList<FuzzCase> Generate(FuzzSettings settings, string writeKey, string managementKey)
    {
        var events = settings.Cases * 40 / 100;
        var batches = settings.Cases * 35 / 100;
        var journeys = settings.Cases - events - batches;
        var kinds = new (Gen<Func<string, FuzzCase>> Gen, int Count, uint Stream)[]
        {
            (EventCases.For(writeKey), events, 1), (BatchCases.For(writeKey), batches, 2), (JourneyCases.For(managementKey), journeys, 3),
        };

        // Interleaved by relative position, so every kind runs alongside the others from start to end.
        var makers = kinds
            .SelectMany(kind =>
            {
                var pcg = new PCG(kind.Stream, settings.Seed);
                return Enumerable.Range(0, kind.Count).Select(i => (Position: (i + 0.5) / kind.Count, Make: kind.Gen.Generate(pcg, null, out _)));
            })
            .OrderBy(m => m.Position)
            .Select(m => m.Make)
            .ToList();
        return [.. makers.Select((make, number) => make($"{settings.Run}-{number}"))];
    }
}
