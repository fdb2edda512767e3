using System.Net.Http.Headers;
using System.Text;

namespace Journeys.Gateway.Ingestion;

/// <summary>Segment's scheme: the write key is the HTTP Basic user name, the password is empty.</summary>
public static class WriteKeyAuthentication
{
    public static string? ReadWriteKey(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? decoded : decoded[..colon];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
