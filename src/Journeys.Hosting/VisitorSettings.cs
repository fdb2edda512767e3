using System.Text;

namespace Journeys.Hosting;

/// <summary>Settings section <c>Visitors</c>: the sites whose pages connect to the visitor hub.</summary>
public sealed class VisitorSettings
{
    public const string SectionName = "Visitors";
    private const int MinimumSecretBytes = 32;

    /// <summary><c>Visitors:Sites:{site}:Secret</c>: the key visitor tokens of that site are signed with.</summary>
    public Dictionary<string, VisitorSite> Sites { get; init; } = [];

    /// <summary>How long a token the gateway gives an anonymous visitor is valid; the SDK renews it.</summary>
    public TimeSpan AnonymousTokenLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often a gateway re-registers with the profiles of its connected visitors: the longest a
    /// popup waits when a silo restart made the profile forget the gateway. Grains forget a gateway
    /// after two minutes of silence, so at most one minute.
    /// </summary>
    public TimeSpan SubscriptionRefresh { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Serve the demo toll-road website at <c>/demo/</c>; on by default only in the embedded mode.</summary>
    public bool? ServeDemo { get; init; }

    public byte[]? SecretOf(string site) =>
        Sites.TryGetValue(site, out var s) && !string.IsNullOrEmpty(s.Secret) ? Encoding.UTF8.GetBytes(s.Secret) : null;

    /// <summary>Throws with the name of the first site setting that cannot protect tokens.</summary>
    public void Validate()
    {
        if (SubscriptionRefresh <= TimeSpan.Zero || SubscriptionRefresh > TimeSpan.FromMinutes(1))
        {
            throw new InvalidOperationException($"{SectionName}__SubscriptionRefresh must be between 00:00:01 and 00:01:00");
        }
        foreach (var (site, settings) in Sites)
        {
            if (Encoding.UTF8.GetByteCount(settings.Secret) < MinimumSecretBytes)
            {
                throw new InvalidOperationException($"{SectionName}__Sites__{site}__Secret must be at least {MinimumSecretBytes} bytes");
            }
        }
    }
}

public sealed class VisitorSite
{
    public string Secret { get; init; } = "";
}
