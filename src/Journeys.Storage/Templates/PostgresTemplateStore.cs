using Npgsql;

namespace Journeys.Storage.Templates;

public sealed class PostgresTemplateStore(NpgsqlDataSource dataSource) : ITemplateStore
{
    public async Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(dataSource.CreateCommand("SELECT id, subject, body FROM message_templates ORDER BY id"), cancellationToken);

    public async Task<StoredTemplate?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var command = dataSource.CreateCommand("SELECT id, subject, body FROM message_templates WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task SaveAsync(StoredTemplate template, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO message_templates (id, subject, body) VALUES (@id, @subject, @body)
            ON CONFLICT (id) DO UPDATE SET subject = excluded.subject, body = excluded.body, updated_at = now()
            """);
        command.Parameters.AddWithValue("id", template.Id);
        command.Parameters.AddWithValue("subject", (object?)template.Subject ?? DBNull.Value);
        command.Parameters.AddWithValue("body", template.Body);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM message_templates WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static async Task<List<StoredTemplate>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var _ = command;
        var templates = new List<StoredTemplate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            templates.Add(new StoredTemplate(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }
        return templates;
    }
}
