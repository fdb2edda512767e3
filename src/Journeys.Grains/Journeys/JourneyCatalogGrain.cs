using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Journeys.Contracts.Journeys;
using Journeys.Engine.Journeys;

namespace Journeys.Grains.Journeys;

/// <summary>
/// The journey catalogue. Unknown journeys throw <see cref="KeyNotFoundException"/>, changes the journey's
/// status forbids (or migrating a first version) throw <see cref="InvalidOperationException"/>, and bad arguments (an invalid definition,
/// in-flight policy or node mapping) throw <see cref="ArgumentException"/>; the API maps them to 404, 409, 400.
/// </summary>
[GrainType("journey-catalog")]
public sealed class JourneyCatalogGrain(
    [PersistentState("journeys")] IPersistentState<JourneyCatalogState> stored,
    TimeProvider clock) : Grain, IJourneyCatalogGrain
{
    private static readonly string[] InFlightPolicies = [JourneyStatuses.Keep, JourneyStatuses.Migrate, JourneyStatuses.Exit];

    private Dictionary<string, CatalogJourney> Journeys => stored.State.Journeys;

    async Task<JourneySummary> IJourneyCatalogGrain.SaveDraftAsync(string journeyId, string definitionJson)
    {
        var journey = Journeys.GetValueOrDefault(journeyId)
            ?? new CatalogJourney(journeyId, null, JourneyStatuses.Draft, null, [], clock.GetUtcNow());
        RefuseArchived(journey, "edited");
        // The draft carries the number it will be published as; the API validated it already, and
        // checking again keeps every other caller (the sample loader) honest.
        var json = Stamp(definitionJson, journeyId, NextVersion(journey));
        var definition = Parse(json);
        return await SaveAsync(journey with { Name = definition.Name, DraftJson = json, UpdatedAt = clock.GetUtcNow() });
    }

    async Task<JourneySummary> IJourneyCatalogGrain.PublishAsync(string journeyId, string inFlight, ImmutableDictionary<string, string>? nodeMapping)
    {
        var journey = Find(journeyId);
        RefuseArchived(journey, "published");
        var draft = journey.DraftJson ?? throw new InvalidOperationException($"Journey '{journeyId}' has no draft to publish.");
        if (!InFlightPolicies.Contains(inFlight))
        {
            throw new ArgumentException($"inFlight is '{inFlight}'; it must be one of {string.Join(", ", InFlightPolicies)}.");
        }

        var number = NextVersion(journey);
        var json = Stamp(draft, journeyId, number);
        var definition = Parse(json);
        var migrate = inFlight == JourneyStatuses.Migrate;
        if (migrate)
        {
            CheckMapping(journey.Current, definition, nodeMapping);
        }

        var version = new PublishedJourneyVersion(number, json, clock.GetUtcNow(), inFlight, migrate ? nodeMapping : null);
        // A paused journey stays paused: publishing a fix must not restart entries before someone resumes it.
        var status = journey.Status == JourneyStatuses.Draft ? JourneyStatuses.Active : journey.Status;
        return await SaveAsync(journey with
        {
            Name = definition.Name,
            Status = status,
            DraftJson = null,
            Versions = journey.Versions.Add(version),
            UpdatedAt = version.PublishedAt,
        });
    }

    async Task<JourneySummary> IJourneyCatalogGrain.SetStatusAsync(string journeyId, string status)
    {
        if (status is not (JourneyStatuses.Active or JourneyStatuses.Paused or JourneyStatuses.Archived))
        {
            throw new ArgumentException($"status is '{status}'; it must be active, paused or archived.");
        }

        var journey = Find(journeyId);
        if (journey.Status == status)
        {
            return journey.Summary();
        }

        if (journey.Status is JourneyStatuses.Draft or JourneyStatuses.Archived)
        {
            throw new InvalidOperationException(journey.Status == JourneyStatuses.Draft
                ? $"Journey '{journeyId}' has never been published, so it cannot be {status}."
                : $"Journey '{journeyId}' is archived and cannot become {status}.");
        }

        return await SaveAsync(journey with { Status = status, UpdatedAt = clock.GetUtcNow() });
    }

    Task<ImmutableArray<JourneySummary>> IJourneyCatalogGrain.ListAsync() =>
        Task.FromResult(Journeys.Values.OrderBy(j => j.JourneyId, StringComparer.Ordinal).Select(j => j.Summary()).ToImmutableArray());

    Task<JourneyDetail?> IJourneyCatalogGrain.GetAsync(string journeyId) =>
        Task.FromResult(Journeys.GetValueOrDefault(journeyId) is { } journey
            ? new JourneyDetail(journey.Summary(), journey.DraftJson, journey.Versions)
            : null);

    /// <remarks>Archived journeys are included: their instances still have to learn that they must exit.</remarks>
    Task<ImmutableArray<LiveJourney>> IJourneyCatalogGrain.GetLiveAsync() =>
        Task.FromResult(Journeys.Values
            .Where(j => j.Current is not null)
            .OrderBy(j => j.JourneyId, StringComparer.Ordinal)
            .Select(j => new LiveJourney(j.JourneyId, j.Status, j.Current!.Version, j.Versions))
            .ToImmutableArray());

    private async Task<JourneySummary> SaveAsync(CatalogJourney journey)
    {
        var before = Journeys.GetValueOrDefault(journey.JourneyId);
        Journeys[journey.JourneyId] = journey;
        try
        {
            await stored.WriteStateAsync();
        }
        catch
        {
            // Profiles must never run a version that a failed write would make vanish on reactivation.
            if (before is null)
            {
                Journeys.Remove(journey.JourneyId);
            }
            else
            {
                Journeys[journey.JourneyId] = before;
            }
            throw;
        }
        return journey.Summary();
    }

    private static int NextVersion(CatalogJourney journey) => (journey.Current?.Version ?? 0) + 1;

    private CatalogJourney Find(string journeyId) =>
        Journeys.GetValueOrDefault(journeyId) ?? throw new KeyNotFoundException($"There is no journey '{journeyId}'.");

    private static void RefuseArchived(CatalogJourney journey, string change)
    {
        if (journey.Status == JourneyStatuses.Archived)
        {
            throw new InvalidOperationException($"Journey '{journey.JourneyId}' is archived and cannot be {change}.");
        }
    }

    private static JourneyDefinition Parse(string json)
    {
        var parsed = JourneyParser.Parse(json);
        return parsed is { IsValid: true, Definition: { } definition }
            ? definition
            : throw new ArgumentException($"The journey definition is invalid: {string.Join("; ", parsed.Errors)}");
    }

    /// <summary>The draft as the published version: its id is the catalogue's and its version the next number.</summary>
    private static string Stamp(string draftJson, string journeyId, int version)
    {
        var json = JsonNode.Parse(draftJson)!.AsObject();
        json["id"] = journeyId;
        json["version"] = version;
        return json.ToJsonString();
    }

    /// <summary>
    /// Migration moves instances from the previous version's nodes to this version's; profiles chain the
    /// mappings of successive publications, so each one only has to name its neighbours' nodes.
    /// </summary>
    private static void CheckMapping(PublishedJourneyVersion? previous, JourneyDefinition next, ImmutableDictionary<string, string>? mapping)
    {
        if (previous is null)
        {
            throw new InvalidOperationException("There is no earlier version to migrate from; publish the first version with inFlight 'keep'.");
        }

        if (mapping is null || mapping.IsEmpty)
        {
            throw new ArgumentException("inFlight 'migrate' needs a nodeMapping from nodes of the previous version to nodes of the new one.");
        }

        var old = Parse(previous.DefinitionJson);
        var problems = mapping.OrderBy(pair => pair.Key, StringComparer.Ordinal).SelectMany(pair => new[]
        {
            old.FindNode(pair.Key) is null ? $"'{pair.Key}' is not a node of version {previous.Version}" : null,
            next.FindNode(pair.Value) is null ? $"'{pair.Key}' maps to '{pair.Value}', which is not a node of version {next.Version}" : null,
        }).OfType<string>().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"nodeMapping: {string.Join("; ", problems)}.");
        }
    }
}
