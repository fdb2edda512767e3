using System.Collections.Concurrent;

namespace Journeys.Storage.Devices;

public sealed class InMemoryDeviceStore : IDeviceStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id, string Token), DeviceToken> devices = new();

    public Task RegisterAsync(DeviceToken device, CancellationToken cancellationToken = default)
    {
        devices[(device.ProfileKind, device.ProfileId, device.Token)] = device;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeviceToken>> ForProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeviceToken>>([.. devices.Values.Where(d => d.ProfileKind == profileKind && d.ProfileId == profileId)]);

    public Task RemoveAsync(DeviceToken device, CancellationToken cancellationToken = default)
    {
        devices.TryRemove((device.ProfileKind, device.ProfileId, device.Token), out _);
        return Task.CompletedTask;
    }
}
