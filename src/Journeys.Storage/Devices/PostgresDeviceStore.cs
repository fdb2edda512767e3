using Npgsql;

namespace Journeys.Storage.Devices;

public sealed class PostgresDeviceStore(NpgsqlDataSource dataSource) : IDeviceStore
{
    public async Task RegisterAsync(DeviceToken device, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO devices (profile_kind, profile_id, token, platform) VALUES (@kind, @id, @token, @platform)
            ON CONFLICT (profile_kind, profile_id, token) DO UPDATE SET platform = excluded.platform, registered_at = now()
            """);
        command.Parameters.AddWithValue("kind", device.ProfileKind);
        command.Parameters.AddWithValue("id", device.ProfileId);
        command.Parameters.AddWithValue("token", device.Token);
        command.Parameters.AddWithValue("platform", device.Platform);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DeviceToken>> ForProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT token, platform FROM devices WHERE profile_kind = @kind AND profile_id = @id ORDER BY registered_at");
        command.Parameters.AddWithValue("kind", profileKind);
        command.Parameters.AddWithValue("id", profileId);
        var devices = new List<DeviceToken>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new DeviceToken(profileKind, profileId, reader.GetString(0), reader.GetString(1)));
        }
        return devices;
    }

    public async Task RemoveAsync(DeviceToken device, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM devices WHERE profile_kind = @kind AND profile_id = @id AND token = @token");
        command.Parameters.AddWithValue("kind", device.ProfileKind);
        command.Parameters.AddWithValue("id", device.ProfileId);
        command.Parameters.AddWithValue("token", device.Token);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> ForgetProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            WITH forgotten AS (DELETE FROM devices WHERE profile_kind = @kind AND profile_id = @id RETURNING token),
                 sends AS (DELETE FROM push_sends WHERE token IN (SELECT token FROM forgotten)
                           AND token NOT IN (SELECT token FROM devices WHERE (profile_kind, profile_id) <> (@kind, @id)))
            SELECT count(*)::int FROM forgotten
            """);
        command.Parameters.AddWithValue("kind", profileKind);
        command.Parameters.AddWithValue("id", profileId);
        return (int)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyDictionary<string, string?>> SendsAsync(string deliveryId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT token, failure FROM push_sends WHERE delivery_id = @delivery");
        command.Parameters.AddWithValue("delivery", deliveryId);
        var sends = new Dictionary<string, string?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sends[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        return sends;
    }

    public async Task RecordSendAsync(string deliveryId, string token, string? failure, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO push_sends (delivery_id, token, failure) VALUES (@delivery, @token, @failure)
            ON CONFLICT (delivery_id, token) DO NOTHING
            """);
        command.Parameters.AddWithValue("delivery", deliveryId);
        command.Parameters.AddWithValue("token", token);
        command.Parameters.AddWithValue("failure", (object?)failure ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
