namespace Journeys.Storage.Devices;

public interface IDeviceStore
{
    /// <summary>Registers a token; registering it again only refreshes it.</summary>
    Task RegisterAsync(DeviceToken device, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeviceToken>> ForProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default);
}
