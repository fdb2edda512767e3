namespace Journeys.Gateway.Visitors;

/// <summary>
/// Anonymous ids the gateway hands out with a token. Only ids it made itself get a token without the
/// site's backend, so nobody can claim a known user's id as "anonymous" and receive their popups.
/// </summary>
public static class AnonymousVisitors
{
    private const string Prefix = "anon-";

    public static string NewId() => Prefix + Guid.NewGuid().ToString("N");

    public static bool IsAnonymous(string profileId) => profileId.StartsWith(Prefix, StringComparison.Ordinal);
}
