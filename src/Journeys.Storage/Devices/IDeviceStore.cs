namespace Journeys.Storage.Devices;

public interface IDeviceStore
{
    /// <summary>Registers a token; registering it again only refreshes it.</summary>
    Task RegisterAsync(DeviceToken device, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeviceToken>> ForProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a token the push service no longer knows (the app was uninstalled, the token rotated).</summary>
    Task RemoveAsync(DeviceToken device, CancellationToken cancellationToken = default);
}
