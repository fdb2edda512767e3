using System.Collections.Immutable;
using Journeys.Contracts.Journeys;
using Journeys.Engine.Journeys;
using Journeys.Engine.Running;

namespace Journeys.Grains.Running;

/// <summary>The silo's copy of the published journeys (<see cref="CatalogueCopy{T}"/>), ready to run.</summary>
public sealed class LiveJourneys : IDisposable
{
    private readonly ILogger<LiveJourneys> logger;
    private readonly CatalogueCopy<Snapshot> copy;

    public LiveJourneys(IGrainFactory grains, ILogger<LiveJourneys> logger)
    {
        this.logger = logger;
        copy = new(async () => ToSnapshot(await grains.GetGrain<IJourneyCatalogGrain>(0).GetLiveAsync()), logger, "live journeys");
    }

    /// <summary>Every message topic the live journeys use: consent is resolved for these.</summary>
    public IReadOnlyList<string> Topics => copy.Current?.Topics ?? [];

    public async ValueTask<IReadOnlyList<RunnableJourney>> GetAsync() => (await copy.GetAsync()).Journeys;

    public void Dispose() => copy.Dispose();

    private Snapshot ToSnapshot(IEnumerable<LiveJourney> live)
    {
        var journeys = live.Select(ToRunnable).OfType<RunnableJourney>().ToList();
        var topics = journeys.SelectMany(j => j.Versions.Values).SelectMany(d => d.Nodes).OfType<MessageNode>().Select(m => m.Topic).Distinct().ToList();
        return new Snapshot(journeys, topics);
    }

    private sealed record Snapshot(IReadOnlyList<RunnableJourney> Journeys, IReadOnlyList<string> Topics);

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
