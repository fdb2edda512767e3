using System.Collections.Immutable;

namespace Journeys.Contracts.Journeys;

/// <summary>
/// Every journey's draft and published versions (key 0). Publishing makes an immutable version;
/// new entrants use it; instances in flight keep, migrate (by node mapping) or exit, as chosen.
/// Definitions travel as the engine's JSON; the API validates them before they get here.
/// </summary>
[Alias("journeys.journey-catalog")]
public interface IJourneyCatalogGrain : IGrainWithIntegerKey
{
    [Alias("save-draft")]
    Task<JourneySummary> SaveDraftAsync(string journeyId, string definitionJson);

    /// <summary>Publishes the draft as the next version. <paramref name="inFlight"/>: keep, migrate or exit.</summary>
    [Alias("publish")]
    Task<JourneySummary> PublishAsync(string journeyId, string inFlight, ImmutableDictionary<string, string>? nodeMapping);

    /// <summary>active, paused (no entries, no steps) or archived (no entries, instances exit).</summary>
    [Alias("set-status")]
    Task<JourneySummary> SetStatusAsync(string journeyId, string status);

    [Alias("list")]
    Task<ImmutableArray<JourneySummary>> ListAsync();

    [Alias("get")]
    Task<JourneyDetail?> GetAsync(string journeyId);

    /// <summary>What profiles run: every non-draft journey with the versions instances may be on.</summary>
    [Alias("live")]
    Task<ImmutableArray<LiveJourney>> GetLiveAsync();
}
