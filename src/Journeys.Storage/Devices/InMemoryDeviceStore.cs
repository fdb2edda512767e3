using System.Collections.Concurrent;

namespace Journeys.Storage.Devices;

public sealed class InMemoryDeviceStore : IDeviceStore
{
    private readonly ConcurrentDictionary<(string Kind, string Id, string Token), DeviceToken> devices = new();
    private readonly ConcurrentDictionary<(string DeliveryId, string Token), string?> sends = new();

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

    public Task<int> ForgetProfileAsync(string profileKind, string profileId, CancellationToken cancellationToken = default)
    {
        var forgotten = devices.Keys.Where(k => k.Kind == profileKind && k.Id == profileId).ToList();
        foreach (var key in forgotten)
        {
            devices.TryRemove(key, out _);
            if (devices.Keys.Any(k => k.Token == key.Token))
            {
                // Another profile's device too: its deliveries' records stay.
                continue;
            }
            foreach (var send in sends.Keys.Where(s => s.Token == key.Token).ToList())
            {
                sends.TryRemove(send, out _);
            }
        }
        return Task.FromResult(forgotten.Count);
    }

    public Task<IReadOnlyDictionary<string, string?>> SendsAsync(string deliveryId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(sends.Where(s => s.Key.DeliveryId == deliveryId).ToDictionary(s => s.Key.Token, s => s.Value));

    public Task RecordSendAsync(string deliveryId, string token, string? failure, CancellationToken cancellationToken = default)
    {
        sends.TryAdd((deliveryId, token), failure);
        return Task.CompletedTask;
    }
}
