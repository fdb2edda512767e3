using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Journeys.Channels.Tracking;

/// <summary>
/// Open-pixel, click and unsubscribe links on the gateway. Each carries its delivery in a token signed
/// with HMAC-SHA256 (the click link signs its target URL too), so nobody can make the gateway record an
/// engagement, unsubscribe a profile or redirect anywhere with a link the engine did not issue.
/// </summary>
public sealed class TrackingLinks(TrackingSettings settings)
{
    public const string OpenPath = "/t/o";
    public const string ClickPath = "/t/c";
    public const string UnsubscribePath = "/t/u";

    private string BaseUrl => settings.PublicBaseUrl.TrimEnd('/');

    public Uri Pixel(TrackedDelivery delivery) => new($"{BaseUrl}{OpenPath}/{Token(delivery)}");

    public Uri Click(TrackedDelivery delivery, string target)
    {
        var token = Token(delivery);
        return new($"{BaseUrl}{ClickPath}/{token}?url={Uri.EscapeDataString(target)}&sig={Sign($"{token}|{target}")}");
    }

    public Uri Unsubscribe(TrackedDelivery delivery) => new($"{BaseUrl}{UnsubscribePath}/{Token(delivery)}");

    /// <summary>The delivery of a token this service signed; null for a forged or damaged one, and for every token without a secret.</summary>
    public TrackedDelivery? Read(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (string.IsNullOrEmpty(settings.Secret) || dot <= 0 || !FixedTimeEquals(Sign(token[..dot]), token[(dot + 1)..]))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<TrackedDelivery>(Base64Url.DecodeFromChars(token.AsSpan(0, dot)));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="signature"/> is this service's for a click from <paramref name="token"/> to <paramref name="target"/>.</summary>
    public bool IsSignedTarget(string token, string target, string signature) =>
        !string.IsNullOrEmpty(settings.Secret) && FixedTimeEquals(Sign($"{token}|{target}"), signature);

    private string Token(TrackedDelivery delivery)
    {
        var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(delivery));
        return $"{payload}.{Sign(payload)}";
    }

    private string Sign(string text) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(settings.Secret), Encoding.UTF8.GetBytes(text)));

    private static bool FixedTimeEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));
}
