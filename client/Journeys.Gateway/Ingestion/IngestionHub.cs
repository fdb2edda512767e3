using System.Runtime.CompilerServices;
using System.Text.Json;
using Journeys.Engine.Events;
using Microsoft.AspNetCore.SignalR;

namespace Journeys.Gateway.Ingestion;

/// <summary>
/// A long-lived upload for integrators at <c>/v1/stream</c>: the client streams batch bodies (the
/// same JSON as <c>POST /v1/batch</c>) to <c>Upload</c> and receives one acknowledgement per batch,
/// sent only after that batch is committed. The write key is the access token.
/// </summary>
public sealed class IngestionHub(EventIngestor ingestor, IngestionSettings options, TimeProvider clock, ILogger<IngestionHub> logger) : Hub
{
    public override Task OnConnectedAsync()
    {
        var http = Context.GetHttpContext();
        var key = http?.Request.Query["access_token"].ToString() is { Length: > 0 } token
            ? token
            : http?.Request.Headers.Authorization.ToString().Replace("Bearer ", "", StringComparison.OrdinalIgnoreCase).Trim();
        if (key is null || !options.WriteKeySet.Contains(key))
        {
            logger.LogWarning("Stream connection {ConnectionId} refused: no valid write key", Context.ConnectionId);
            Context.Abort();
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<BatchAck> Upload(IAsyncEnumerable<JsonElement> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sequence = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            var parsed = EventParser.Default.ParseBatch(batch, clock.GetUtcNow());
            if (!parsed.IsValid)
            {
                yield return new BatchAck(sequence++, Accepted: false, Stored: 0, Duplicates: 0, parsed.Errors.Select(e => e.ToString()).ToList());
                continue;
            }
            var result = await ingestor.IngestAsync(JournalEntries.From(parsed.Events), cancellationToken);
            yield return new BatchAck(sequence++, Accepted: true, result.Stored.Count, result.Duplicates, []);
        }
    }
}
