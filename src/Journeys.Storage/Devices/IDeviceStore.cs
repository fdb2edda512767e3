namespace Journeys.Storage.Devices;

public interface IDeviceStore
{
    /// <summary>Registers a token; registering it again only refreshes it.</summary>
    Task RegisterAsync(DeviceToken device, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeviceToken>> ForProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default);

    /// <summary>Forgets a token the push service no longer knows (the app was uninstalled, the token rotated).</summary>
    Task RemoveAsync(DeviceToken device, CancellationToken cancellationToken = default);

    /// <summary>Erasure of a profile: forgets its tokens and what deliveries did on them; returns how many tokens went.</summary>
    Task<int> ForgetProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default);

    /// <summary>What a push delivery did on each device it has been tried on: token -> null when sent, else why it failed for good.</summary>
    Task<IReadOnlyDictionary<string, string?>> SendsAsync(string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>Records that a delivery reached a device (<paramref name="failure"/> null) or never will; the first record stands.</summary>
    Task RecordSendAsync(string deliveryId, string token, string? failure, CancellationToken cancellationToken = default);
}
