using Journeys.TestSupport;
using Npgsql;

namespace Journeys.Storage.Tests;

/// <summary>
/// A store's PostgreSQL implementation (on a freshly migrated database per test) and its in-memory one
/// for the embedded default, held to the same expectations: theories take <see cref="Stores"/>.
/// </summary>
public abstract class StoreContractTests<TStore>(PostgresFixture postgres) : StoreContractTests, IAsyncLifetime
{
    protected NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        DataSource = NpgsqlDataSource.Create((await MigratedDatabase.CreateAsync(postgres.Server)).ConnectionString);

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected TStore Store(string kind) => kind == "postgres" ? InPostgres() : InMemory();

    protected abstract TStore InPostgres();

    protected abstract TStore InMemory();
}

/// <summary>What the store tests share that does not depend on the store (statics stay off the generic type).</summary>
public abstract class StoreContractTests
{
    public static TheoryData<string> Stores => ["postgres", "memory"];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;
}
