using System.Security.Cryptography;
using System.Text;
using Journeys.Engine.Events;

namespace Journeys.Engine.Visitors;

/// <summary>
/// Proves to the visitor hub which profile a browser or app may receive popups for:
/// <c>{site}.{kind}.{base64url(profile id)}.{expiry, unix seconds}.{base64url(HMAC-SHA256)}</c>, the MAC
/// taken over the first four parts joined by dots with the site's secret. A site's backend makes
/// them with this class (it depends on nothing else, copy it) or asks <c>POST /api/visitor-tokens</c>.
/// </summary>
public static class VisitorToken
{
    private const char Separator = '.';

    public static string Create(string site, ProfileKind kind, string profileId, DateTimeOffset expiresAt, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileId);
        if (!IsSiteName(site))
        {
            throw new ArgumentException("a site name is lower-case letters, digits and dashes", nameof(site));
        }
        var claims = string.Join(Separator, site, Wire.Name(kind), Base64Url(Encoding.UTF8.GetBytes(profileId)), expiresAt.ToUnixTimeSeconds());
        return claims + Separator + Base64Url(Mac(claims, secret));
    }

    /// <summary>The site a token claims to be from, read before its signature can be checked (the secret is per site).</summary>
    public static string? SiteOf(string token)
    {
        var dot = token.IndexOf(Separator, StringComparison.Ordinal);
        return dot > 0 && IsSiteName(token[..dot]) ? token[..dot] : null;
    }

    /// <summary>The visitor a genuine, unexpired token names; null for anything else.</summary>
    public static VisitorIdentity? Verify(string token, byte[] secret, DateTimeOffset now) =>
        ReadGenuine(token, secret) is { } identity && identity.ExpiresAt > now ? identity : null;

    /// <summary>The visitor a genuine token names, expired or not (renewing an anonymous visitor keeps its id).</summary>
    public static VisitorIdentity? ReadGenuine(string token, byte[] secret)
    {
        var parts = token.Split(Separator);
        if (parts.Length != 5 || !IsSiteName(parts[0]) || !Wire.TryParse<ProfileKind>(parts[1], out var kind)
            || !long.TryParse(parts[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var expiry)
            || FromBase64Url(parts[4]) is not { } mac || FromBase64Url(parts[2]) is not { } id || id.Length == 0)
        {
            return null;
        }
        var claims = token[..token.LastIndexOf(Separator)];
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(claims, secret)))
        {
            return null;
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Min(expiry, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        return new VisitorIdentity(parts[0], kind, Encoding.UTF8.GetString(id), expiresAt);
    }

    private static bool IsSiteName(string site) =>
        site.Length is > 0 and <= 64 && site.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static byte[] Mac(string claims, byte[] secret) => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(claims));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
