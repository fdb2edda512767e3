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
}
