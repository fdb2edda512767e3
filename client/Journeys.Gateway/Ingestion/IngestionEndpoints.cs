using System.Text.Json;
using Journeys.Engine.Events;
using Journeys.Storage.Journal;
using Microsoft.AspNetCore.Http.Features;

namespace Journeys.Gateway.Ingestion;

/// <summary>
/// The Segment-compatible tracking API: <c>POST /v1/{track|identify|page|screen|alias|group|batch}</c>.
/// A request is validated whole; nothing of a rejected request is stored; the answer comes after commit.
/// </summary>
public static class IngestionEndpoints
{
    public static IEndpointRouteBuilder MapIngestion(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1");
        v1.MapPost("/batch", (HttpContext http, EventIngestor ingestor, IngestionSettings options, TimeProvider clock, CancellationToken ct) =>
            IngestAsync(http, ingestor, options, clock, EventLimits.MaxBatchBytes, (parser, body, now) => parser.ParseBatch(body, now), ct));
        foreach (var type in Enum.GetValues<EventType>())
        {
            v1.MapPost("/" + Wire.Name(type), (HttpContext http, EventIngestor ingestor, IngestionSettings options, TimeProvider clock, CancellationToken ct) =>
                IngestAsync(http, ingestor, options, clock, EventLimits.MaxEventBytes, (parser, body, now) => parser.ParseCall(type, body, now), ct));
        }
        endpoints.MapHub<IngestionHub>("/v1/stream");
        return endpoints;
    }

    private static async Task<IResult> IngestAsync(
        HttpContext http,
        EventIngestor ingestor,
        IngestionSettings options,
        TimeProvider clock,
        int maxBytes,
        Func<EventParser, ReadOnlyMemory<byte>, DateTimeOffset, ParseResult> parse,
        CancellationToken cancellationToken)
    {
        var writeKey = WriteKeyAuthentication.ReadWriteKey(http.Request);
        if (writeKey is null || !options.WriteKeySet.Contains(writeKey))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid write key is required as the HTTP Basic user name");
        }

        var body = await RequestBody.ReadAsync(http.Request, maxBytes, cancellationToken);
        if (body is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"The request body is over the {maxBytes}-byte limit");
        }

        var parsed = parse(EventParser.Default, body.Value, clock.GetUtcNow());
        if (!parsed.IsValid)
        {
            var errors = parsed.Errors.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            return Results.ValidationProblem(errors, title: "The request has invalid fields; nothing was stored");
        }

        var result = await ingestor.IngestAsync(JournalEntries.From(parsed.Events), cancellationToken);
        return Results.Ok(new { success = true, stored = result.Stored.Count, duplicates = result.Duplicates });
    }
}
