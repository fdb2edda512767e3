using System.Text;
using Journeys.TestSupport;
using Npgsql;

namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// What a failed run leaves for the reader: the membership table, how far each journal partition was
/// read, the journal readers' and profiles' warnings of the whole run, and the end of every process's log (killed silos included), in <c>failure-tests-diagnostics.log</c>
/// beside the figures; and every process's whole log (with the fixture's Debug level for the grains: each delivery, save and
/// activation) in <c>failure-tests-{process}.log</c>, to follow one profile's events.
/// </summary>
public static class FailureDiagnostics
{
    private const int LogLines = 400;
    // Lines that say a loaded machine is slow or a send went out, not why delivery stalled.
    private static readonly string[] Noise = ["Orleans.Runtime.Scheduler.WorkItemGroup", "System.Net.Http.HttpClient", "   at "];

    public static async Task<string> WriteAsync(ProductionCluster cluster, string directory)
    {
        var text = new StringBuilder();
        try
        {
            await AppendQueryAsync(text, cluster.ConnectionString, "membership (status 3 = active, 6 = dead)",
                "SELECT port, generation, status, suspect_times, i_am_alive_time FROM orleans_membership ORDER BY port, generation");
            await AppendQueryAsync(text, cluster.ConnectionString, "journal partitions: checkpoint and last position",
                "SELECT j.partition, c.position AS checkpoint, c.saved_at, max(j.position) AS last FROM journal j LEFT JOIN journal_checkpoint c USING (partition) GROUP BY j.partition, c.position, c.saved_at ORDER BY j.partition");
        }
        catch (NpgsqlException ex)
        {
            text.AppendLine("database not readable: " + ex.Message);
        }
        var processes = cluster.Silos.Select((s, i) => ($"silo {i + 1}", s))
            .Concat(cluster.KilledSilos.Select((s, i) => ($"killed silo process {i + 1}", (HostProcess?)s)))
            .Append(("gateway", cluster.Gateway))
            .Where(p => p.Item2 is not null)
            .ToList();
        // The last lines of a log are the end of the run; the warnings of the journal readers and profiles
        // (rewinds, lost saves, failed deliveries) are most often from the faults in its middle.
        text.AppendLine().AppendLine("== warnings and errors of the journal readers and profiles, whole run, every process");
        foreach (var (name, process) in processes)
        {
            // By the logger's name, not any mention: Orleans' own timer warnings name our grain types too.
            foreach (var line in process!.Output.Where(l => l.Contains(" WRN] Journeys.Grains.", StringComparison.Ordinal) || l.Contains(" ERR] Journeys.Grains.", StringComparison.Ordinal)))
            {
                text.AppendLine($"{name}: {line}");
            }
        }
        foreach (var (name, process) in processes)
        {
            text.AppendLine().AppendLine($"== {name} (last {LogLines} lines)");
            foreach (var line in process!.Output.Where(l => !Noise.Any(n => l.Contains(n, StringComparison.Ordinal))).TakeLast(LogLines))
            {
                text.AppendLine(line);
            }
        }
        Directory.CreateDirectory(directory);
        foreach (var (name, process) in processes)
        {
            await File.WriteAllLinesAsync(Path.Combine(directory, $"failure-tests-{name.Replace(' ', '-')}.log"), process!.Output);
        }
        var path = Path.Combine(directory, "failure-tests-diagnostics.log");
        await File.WriteAllTextAsync(path, text.ToString());
        return path;
    }

    private static async Task AppendQueryAsync(StringBuilder text, string connectionString, string title, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        text.AppendLine("== " + title);
        while (await reader.ReadAsync())
        {
            text.AppendLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
        }
    }
}
