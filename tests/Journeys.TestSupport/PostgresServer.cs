using System.Net;
using Npgsql;

namespace Journeys.TestSupport;

/// <summary>
/// A PostgreSQL server for tests: a throwaway cluster (initdb into a temp dir, started on a
/// free loopback port, removed on dispose) unless <see cref="ConnectionStringVariable"/> names
/// an existing server. Each caller gets its own database from <see cref="CreateDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string ConnectionStringVariable = "JOURNEYS_TEST_POSTGRES";

    private const string OsUser = "postgres";
    private const string RootPrefix = "journeys-testpg-";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string? _root;
    private readonly string? _binDirectory;
    private readonly bool _runAsOsUser;
    private readonly List<string> _createdDatabases = [];
    private bool _running;

    private PostgresServer(string adminConnectionString, string? root, string? binDirectory, bool runAsOsUser)
    {
        AdminConnectionString = adminConnectionString;
        _root = root;
        _binDirectory = binDirectory;
        _runAsOsUser = runAsOsUser;
    }

    /// <summary>Connection string of the maintenance database, with rights to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>True when this object owns the server process and may stop and restart it.</summary>
    public bool IsThrowaway => _root is not null;

    private string DataDirectory => Path.Combine(_root!, "data");
    private string LogFile => Path.Combine(_root!, "postgres.log");

    /// <summary>Uses the server named by <see cref="ConnectionStringVariable"/>, or starts a throwaway one.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var external = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            var server = new PostgresServer(external, root: null, binDirectory: null, runAsOsUser: false);
            await server.WaitUntilAcceptingConnectionsAsync();
            return server;
        }

        return await StartThrowawayAsync();
    }

    /// <summary>Starts a throwaway server whatever <see cref="ConnectionStringVariable"/> says, for tests that stop it.</summary>
    public static async Task<PostgresServer> StartThrowawayAsync()
    {
        OrphanedServers.Reap(Path.GetTempPath(), RootPrefix);
        var root = Path.Combine(Path.GetTempPath(), RootPrefix + Guid.NewGuid().ToString("N")[..12]);
        var port = FreePort.Next();
        var adminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = IPAddress.Loopback.ToString(),
            Port = port,
            Username = OsUser,
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
        var throwaway = new PostgresServer(adminConnectionString, root, PostgresBinaries.FindDirectory(), Environment.UserName == "root");
        try
        {
            await throwaway.InitializeClusterAsync(port);
            await throwaway.StartAsync();
            return throwaway;
        }
        catch
        {
            await throwaway.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates an empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null)
    {
        name ??= "journeys_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
            await command.ExecuteNonQueryAsync();
        }

        lock (_createdDatabases)
        {
            _createdDatabases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Stops the throwaway server (fast shutdown: open sessions are ended), keeping its data.</summary>
    public Task StopAsync() => StopAsync("fast");

    /// <summary>
    /// Stops the throwaway server as a crash would (immediate shutdown: no checkpoint, sessions cut
    /// mid-transaction); <see cref="StartAsync"/> then recovers from the WAL.
    /// </summary>
    public Task CrashAsync() => StopAsync("immediate");

    /// <summary>Starts the throwaway server again on its data directory and port.</summary>
    public async Task StartAsync()
    {
        EnsureThrowaway();
        await RunPostgresProgramAsync("pg_ctl", "start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60");
        _running = true;
        await WaitUntilAcceptingConnectionsAsync();
    }

    /// <summary>Stops and starts the throwaway server; databases and the port stay the same.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!IsThrowaway)
        {
            await DropCreatedDatabasesAsync();
            return;
        }

        if (_running)
        {
            try
            {
                await StopAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                KillPostmaster();
            }
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private async Task StopAsync(string mode)
    {
        EnsureThrowaway();
        await RunPostgresProgramAsync("pg_ctl", "stop", "-D", DataDirectory, "-m", mode, "-w");
        _running = false;
    }

    private async Task InitializeClusterAsync(int port)
    {
        var socketDirectory = Path.Combine(_root!, "run");
        Directory.CreateDirectory(socketDirectory);
        await File.WriteAllTextAsync(OrphanedServers.OwnerFile(_root!), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_runAsOsUser)
        {
            // initdb and postgres refuse to run as root.
            await ProcessRunner.RunAsync("chown", ["-R", $"{OsUser}:{OsUser}", _root!], CommandTimeout);
        }

        // --no-sync only skips flushing the fresh cluster files; the server itself runs with fsync on.
        await RunPostgresProgramAsync("initdb", "-D", DataDirectory, "-U", OsUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync");
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"),
        [
            "# Throwaway test server",
            $"port = {port}",
            "listen_addresses = '127.0.0.1'",
            $"unix_socket_directories = '{socketDirectory}'",
            "max_connections = 300",
            "fsync = on",
        ]);
    }

    private Task<string> RunPostgresProgramAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(_binDirectory!, program);
        return _runAsOsUser
            ? ProcessRunner.RunAsync("runuser", ["-u", OsUser, "--", path, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(path, arguments, CommandTimeout);
    }

    private async Task WaitUntilAcceptingConnectionsAsync()
    {
        var deadline = DateTime.UtcNow + CommandTimeout;
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task DropCreatedDatabasesAsync()
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        foreach (var name in _createdDatabases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private void KillPostmaster()
    {
        OrphanedServers.KillPostmaster(DataDirectory);
        _running = false;
    }

    private void EnsureThrowaway()
    {
        if (!IsThrowaway)
        {
            throw new NotSupportedException(
                $"The server given by {ConnectionStringVariable} is not owned by the tests and cannot be stopped or restarted.");
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
