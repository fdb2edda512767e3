using System.Collections.Immutable;
using Journeys.Contracts.Journeys;
using Journeys.Engine.Journeys;
using Journeys.Engine.Running;

namespace Journeys.Grains.Running;

/// <summary>
/// A per-silo copy of the published journeys, refreshed at most every second, so profile grains do
/// not call the one catalogue grain on every event.
/// </summary>
public sealed class LiveJourneys(IGrainFactory grains, TimeProvider clock, ILogger<LiveJourneys> logger) : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim refresh = new(1, 1);
    private IReadOnlyList<RunnableJourney> current = [];
    private IReadOnlyList<string> topics = [];
    private DateTimeOffset loadedAt = DateTimeOffset.MinValue;

    /// <summary>Every message topic the live journeys use: consent is resolved for these.</summary>
    public IReadOnlyList<string> Topics => topics;

    public async ValueTask<IReadOnlyList<RunnableJourney>> GetAsync()
    {
        if (clock.GetUtcNow() - loadedAt < MaxAge)
        {
            return current;
        }
        await refresh.WaitAsync();
        try
        {
            if (clock.GetUtcNow() - loadedAt >= MaxAge)
            {
                var live = await grains.GetGrain<IJourneyCatalogGrain>(0).GetLiveAsync();
                current = live.Select(ToRunnable).OfType<RunnableJourney>().ToList();
                topics = current.SelectMany(j => j.Versions.Values).SelectMany(d => d.Nodes).OfType<MessageNode>().Select(m => m.Topic).Distinct().ToList();
                loadedAt = clock.GetUtcNow();
            }
            return current;
        }
        finally
        {
            refresh.Release();
        }
    }

    public void Dispose() => refresh.Dispose();

    private RunnableJourney? ToRunnable(LiveJourney live)
    {
        var versions = new Dictionary<int, JourneyDefinition>();
        var policies = new Dictionary<int, VersionPolicy>();
        foreach (var version in live.Versions)
        {
            var parsed = JourneyParser.Parse(version.DefinitionJson);
            if (parsed.Definition is null)
            {
                logger.LogError("Journey {JourneyId} v{Version} does not parse: {Errors}", live.JourneyId, version.Version, string.Join("; ", parsed.Errors));
                continue;
            }
            versions[version.Version] = parsed.Definition with { Id = live.JourneyId, Version = version.Version };
            policies[version.Version] = new VersionPolicy(
                version.InFlight switch
                {
                    JourneyStatuses.Migrate => InFlightPolicy.Migrate,
                    JourneyStatuses.Exit => InFlightPolicy.Exit,
                    _ => InFlightPolicy.Keep,
                },
                version.NodeMapping ?? ImmutableDictionary<string, string>.Empty);
        }
        if (!versions.ContainsKey(live.CurrentVersion))
        {
            return null;
        }
        var status = live.Status switch
        {
            JourneyStatuses.Paused => JourneyRunStatus.Paused,
            JourneyStatuses.Archived => JourneyRunStatus.Archived,
            _ => JourneyRunStatus.Active,
        };
        return new RunnableJourney(live.JourneyId, status, live.CurrentVersion, versions, policies);
    }
}
