using Xunit;

namespace Journeys.TestSupport;

/// <summary>
/// One PostgreSQL server per test assembly. Register it with
/// <c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c> and take it in a test class
/// constructor; each class then creates its own database.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    public Task<string> CreateDatabaseAsync(string? name = null) => Server.CreateDatabaseAsync(name);

    public async ValueTask InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
