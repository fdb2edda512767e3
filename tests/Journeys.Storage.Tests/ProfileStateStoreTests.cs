using System.Text;
using Journeys.Storage.GrainState;
using Journeys.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Journeys.Storage.Tests;

public sealed class ProfileStateStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private BatchedGrainStateStore store = null!;

    public async ValueTask InitializeAsync()
    {
        var database = await MigratedDatabase.CreateAsync(postgres.Server);
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        store = new BatchedGrainStateStore(dataSource, "test-service", NullLogger<BatchedGrainStateStore>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await store.DisposeAsync();
        await dataSource.DisposeAsync();
    }

    [Fact]
    public async Task A_large_profile_document_is_stored_lz4_compressed_and_reads_back_whole()
    {
        // A profile with a long timeline: repetitive JSON, well over the 2 KB where PostgreSQL starts compressing.
        var payload = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i =>
            $$"""{"at":"2026-11-22T10:{{i % 60:00}}:00Z","type":"showPopup","journeyId":"welcome","status":"delivered"},""")));
        var key = new GrainStateKey("customer/alice", "profile");

        var version = await store.WriteAsync(new GrainStateWrite(key, ExpectedVersion: null, payload));

        Assert.Equal(1, version);
        await using var command = dataSource.CreateCommand(
            "SELECT pg_column_compression(payload), octet_length(payload), pg_column_size(payload) FROM profile_state WHERE grain_id = 'customer/alice'");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("lz4", reader.GetString(0));
        Assert.Equal(payload.Length, reader.GetInt32(1));
        Assert.True(reader.GetInt32(2) < payload.Length / 2, $"stored {reader.GetInt32(2)} bytes of {payload.Length}");
        Assert.Equal(payload, (await store.ReadAsync(key))!.Payload);
    }
}
