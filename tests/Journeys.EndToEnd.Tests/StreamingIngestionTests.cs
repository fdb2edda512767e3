using System.Text.Json;
using Journeys.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;

namespace Journeys.EndToEnd.Tests;

public sealed class StreamingIngestionTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    private ProductionCluster Cluster => fixture.Cluster;

    private sealed record BatchAck(int Sequence, bool Accepted, int Stored, int Duplicates, List<string> Errors);

    [Fact]
    public async Task A_streamed_batch_is_acknowledged_after_commit_and_a_bad_one_is_rejected_whole()
    {
        var user = "stream-" + Guid.NewGuid().ToString("N")[..8];
        var bad = Events.Trip("sb-" + user, user);
        bad["properties"]!["amount"] = "lots";
        var batches = new[]
        {
            Events.Batch(Events.Trip("s1-" + user, user), Events.PageView("s2-" + user, user)),
            Events.Batch(bad, Events.PageView("s3-" + user, user)),
            Events.Batch(Events.Trip("s1-" + user, user), Events.PageView("s4-" + user, user)),
        };
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Cluster.Http.BaseAddress!, "/v1/stream"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(ProductionCluster.WriteKey))
            .Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);

        var acks = new List<BatchAck>();
        await foreach (var ack in connection.StreamAsync<BatchAck>("Upload", Upload(batches), TestContext.Current.CancellationToken))
        {
            acks.Add(ack);
        }

        Assert.Equal([0, 1, 2], acks.Select(a => a.Sequence));
        Assert.True(acks[0].Accepted);
        Assert.Equal(2, acks[0].Stored);
        Assert.False(acks[1].Accepted);
        Assert.Contains(acks[1].Errors, e => e.StartsWith("$.batch[0].properties.amount", StringComparison.Ordinal));
        Assert.Equal(1, acks[2].Stored);
        Assert.Equal(1, acks[2].Duplicates);
        Assert.Equal(3, await Cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE profile_id = '{user}'"));
    }

    [Fact]
    public async Task A_stream_without_a_write_key_is_refused()
    {
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(Cluster.Http.BaseAddress!, "/v1/stream")).Build();
        await connection.StartAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var _ in connection.StreamAsync<BatchAck>("Upload", Upload([Events.Batch(Events.PageView("x-" + Guid.NewGuid(), "nokey"))]), TestContext.Current.CancellationToken))
            {
            }
        });
    }

    private static async IAsyncEnumerable<JsonElement> Upload(System.Text.Json.Nodes.JsonObject[] batches)
    {
        foreach (var batch in batches)
        {
            await Task.Yield();
            yield return JsonSerializer.SerializeToElement(batch);
        }
    }
}
