using System.Collections.Concurrent;

namespace Journeys.Gateway.Dashboards;

/// <summary>Which journeys the browsers connected to this gateway are watching, so only those are polled.</summary>
internal sealed class JourneyWatchers
{
    private readonly ConcurrentDictionary<(string ConnectionId, string JourneyId), byte> watching = new();

    public static string Group(string journeyId) => "journey:" + journeyId;

    public void Watch(string connectionId, string journeyId) => watching[(connectionId, journeyId)] = 0;

    public void Unwatch(string connectionId, string journeyId) => watching.TryRemove((connectionId, journeyId), out _);

    public void Disconnected(string connectionId)
    {
        foreach (var key in watching.Keys.Where(k => k.ConnectionId == connectionId))
        {
            watching.TryRemove(key, out _);
        }
    }

    public IReadOnlySet<string> Journeys() => watching.Keys.Select(k => k.JourneyId).ToHashSet(StringComparer.Ordinal);
}
