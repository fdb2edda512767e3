using System.Diagnostics;
using Journeys.Benchmarks.Measurement;
using Journeys.Contracts.Journal;
using Journeys.Contracts.Profiles;
using Journeys.Engine.Events;
using Journeys.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Journeys.Benchmarks.Baselines;

/// <summary>
/// The naive grain design: every event is a grain call that writes the grain's state through the
/// Orleans AdoNet storage before answering. Measured on the running silos with a real profile
/// grain: one event applied and the state flushed per call (the product's path saves behind
/// instead). Profile storage commits asynchronously, so this is kinder than a naive design would be.
/// </summary>
public static class GrainStateBaseline
{
    private const int GrainsPerTask = 50;

    private static JournalEvent PageView(long position, string messageId)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = new EventEnvelope
        {
            MessageId = messageId,
            Type = EventType.Track,
            Event = "Page Viewed",
            UserId = messageId,
            Timestamp = now,
            ReceivedAt = now,
        };
        return new JournalEvent(position, messageId, "track", "Page Viewed", now, EnvelopeJson.Serialize(envelope));
    }

    public static async Task<ResultRow> RunAsync(string connectionString, int tasks, TimeSpan duration)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o =>
            {
                var defaults = new OrleansSettings();
                o.ClusterId = defaults.ClusterId;
                o.ServiceId = defaults.ServiceId;
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = SiloHostingExtensions.AdoNetInvariant;
                o.ConnectionString = connectionString;
            }));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();

        var latency = new LatencyRecorder();
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, tasks).Select(async task =>
        {
            await Task.Yield();
            for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var profile = grains.GetGrain<ICustomerGrain>($"naive-{task}-{n % GrainsPerTask}");
                var sentAt = Stopwatch.GetTimestamp();
                await profile.ApplyAsync([PageView(n + 1, $"naive-{task}-{n}")], previousPosition: n < GrainsPerTask ? 0 : n + 1 - GrainsPerTask);
                await profile.FlushAsync();
                latency.RecordSince(sentAt);
            }
        });
        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        await host.StopAsync();
        var summary = latency.Summarize();
        return new ResultRow(
            "(b) naive: grain call writing AdoNet grain state per event",
            summary.Count / elapsed.TotalSeconds,
            summary,
            $"{tasks} concurrent callers over {tasks * GrainsPerTask:N0} profile grains on the 2 silos, {summary.Count:N0} events");
    }
}
