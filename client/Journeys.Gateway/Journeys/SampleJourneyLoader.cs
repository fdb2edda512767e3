using Journeys.Contracts.Journeys;
using Journeys.Engine.Journeys;
using Journeys.Storage.Templates;

namespace Journeys.Gateway.Journeys;

/// <summary>
/// The embedded default ships with the sample journeys of both domains: once the gateway (and its
/// co-hosted silo) has started, every sample not yet published is saved and published, and the
/// templates the samples name by id are stored so <c>/api/templates</c> shows them.
/// </summary>
public sealed class SampleJourneyLoader(IClusterClient cluster, ITemplateStore templates, IHostApplicationLifetime lifetime, ILogger<SampleJourneyLoader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        foreach (var template in SampleJourneys.Names.SelectMany(name => SampleJourneys.Load(name).Nodes).OfType<MessageNode>().Select(m => m.Template))
        {
            if (template is { Id: { } templateId, Body: { } body })
            {
                await templates.SaveAsync(new StoredTemplate(templateId, template.Subject, body), stoppingToken);
            }
        }

        var catalog = cluster.GetGrain<IJourneyCatalogGrain>(0);
        var published = (await catalog.ListAsync()).Where(j => j.PublishedVersion is not null).Select(j => j.JourneyId).ToHashSet(StringComparer.Ordinal);
        int loaded = 0, failed = 0;
        foreach (var name in SampleJourneys.Names)
        {
            var id = SampleJourneys.Load(name).Id;
            if (published.Contains(id))
            {
                continue;
            }

            try
            {
                await catalog.SaveDraftAsync(id, SampleJourneys.Json(name));
                await catalog.PublishAsync(id, JourneyStatuses.Keep, nodeMapping: null);
                loaded++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A demo without one sample beats a gateway that will not start.
                logger.LogError(ex, "Sample journey {Sample} could not be loaded", name);
                failed++;
            }
        }

        logger.LogInformation(
            "Loaded {Loaded} sample journeys into the embedded catalogue ({Already} already published, {Failed} failed)",
            loaded, SampleJourneys.Names.Count - loaded - failed, failed);
    }
}
