namespace Journeys.Gateway.Visitors;

/// <summary>How many hub connections each profile has on this gateway: whether a popup has anyone to go to.</summary>
public sealed class VisitorConnections
{
    private readonly Dictionary<VisitorKey, int> counts = [];
    private readonly Lock gate = new();

    public void Add(VisitorKey visitor)
    {
        lock (gate)
        {
            counts[visitor] = counts.GetValueOrDefault(visitor) + 1;
        }
    }

    /// <summary>True when that was the profile's last connection here.</summary>
    public bool Remove(VisitorKey visitor)
    {
        lock (gate)
        {
            var left = counts.GetValueOrDefault(visitor) - 1;
            if (left > 0)
            {
                counts[visitor] = left;
                return false;
            }
            counts.Remove(visitor);
            return true;
        }
    }

    public bool Has(VisitorKey visitor)
    {
        lock (gate)
        {
            return counts.ContainsKey(visitor);
        }
    }

    public IReadOnlyList<VisitorKey> All()
    {
        lock (gate)
        {
            return [.. counts.Keys];
        }
    }
}
