using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>What the run left in PostgreSQL and the journey catalogue, checked against the answers.</summary>
public static class StoredState
{
    /// <summary>Journal rows whose messageId is not the run's: none may appear while the fuzzer runs.</summary>
    public static Task<long> ForeignJournalRowsAsync(ProductionCluster cluster, string run) =>
        cluster.ScalarAsync($"SELECT count(*) FROM journal WHERE message_id NOT LIKE '{run}-%'");

    /// <summary>Every violation of "accepted => stored, rejected => nothing stored".</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(ProductionCluster cluster, string run, IReadOnlyList<FuzzOutcome> outcomes)
    {
        var stored = await JournalIdsAsync(cluster, run);
        var journeys = await JourneyIdsAsync(cluster, run);
        var violations = new List<string>();
        foreach (var outcome in outcomes)
        {
            var fuzzCase = outcome.Case;
            var accepted = outcome.Status == 200;
            var prefix = $"{run}-{outcome.Number}.";
            if (accepted && fuzzCase.MessageIds.FirstOrDefault(id => !stored.Contains(id)) is { } lost)
            {
                violations.Add($"accepted but {lost} is not in the journal: {outcome}");
            }
            if (!accepted && stored.FirstOrDefault(id => id.StartsWith(prefix, StringComparison.Ordinal)) is { } partial)
            {
                violations.Add($"rejected but {partial} is in the journal: {outcome}");
            }
            if (fuzzCase.JourneyId is { } journey && accepted != journeys.Contains(journey))
            {
                violations.Add($"{(accepted ? "accepted but not" : "rejected but")} in the journey catalogue: {outcome}");
            }
        }
        return violations;
    }

    private static async Task<HashSet<string>> JournalIdsAsync(ProductionCluster cluster, string run)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT message_id FROM journal WHERE message_id LIKE @run", connection);
        command.Parameters.AddWithValue("run", run + "-%");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }
        return ids;
    }

    private static async Task<HashSet<string>> JourneyIdsAsync(ProductionCluster cluster, string run)
    {
        using var response = await cluster.ManageAsync(HttpMethod.Get, "/api/journeys");
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync<JsonArray>() ?? [];
        return [.. list.Select(j => (string)j!["id"]!).Where(id => id.StartsWith(run + "-", StringComparison.Ordinal))];
    }
}
