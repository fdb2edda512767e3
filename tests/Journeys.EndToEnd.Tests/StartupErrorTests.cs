using Journeys.TestSupport;

namespace Journeys.EndToEnd.Tests;

/// <summary>A bad connection string must cost an operator one readable line, not a stack trace.</summary>
public sealed class StartupErrorTests
{
    public static TheoryData<string, string?, string> BadSettings => new()
    {
        { "silo", null, "is not set" },
        { "silo", "Host=127.0.0.1;Port=1;Database=journeys;Username=x;Password=y;Timeout=3", "Cannot connect to PostgreSQL" },
        { "silo", "Hots=nowhere;;Datbase", "is not a valid PostgreSQL connection string" },
        { "gateway", "Host=127.0.0.1;Port=1;Database=journeys;Username=x;Password=y;Timeout=3", "Cannot connect to PostgreSQL" },
        { "gateway", "Hots=nowhere", "is not a valid PostgreSQL connection string" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_missing_or_wrong_connection_string_gives_one_line_naming_the_setting(string host, string? connectionString, string reason)
    {
        var dll = host == "silo" ? RepositoryPaths.SiloDll : RepositoryPaths.GatewayDll;
        await using var process = HostProcess.Start(dll, new Dictionary<string, string?>
        {
            ["ConnectionStrings__Journeys"] = connectionString,
            ["Operations__Port"] = FreePort.Next().ToString(),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, exitCode);
        var errors = process.Output.Where(l => l.Contains("FTL", StringComparison.Ordinal) || l.Contains("ERR", StringComparison.Ordinal)).ToList();
        var error = Assert.Single(errors);
        Assert.Contains("ConnectionStrings:Journeys", error, StringComparison.Ordinal);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain(process.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
