using System.Text;

namespace Journeys.Cluster.Tests;

/// <summary>A textual dump of what migrations create, to compare a database before and after.</summary>
internal static class SchemaSnapshot
{
    private const string Query = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        UNION ALL
        SELECT 'query ' || querykey || ' ' || md5(querytext) FROM orleansquery
        UNION ALL
        SELECT 'journal ' || scriptname FROM schema_versions
        ORDER BY 1
        """;

    public static async Task<string> TakeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Query, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var snapshot = new StringBuilder();
        while (await reader.ReadAsync())
        {
            snapshot.AppendLine(reader.GetString(0));
        }

        return snapshot.ToString();
    }
}
