using System.Text;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Authorization headers for the ingestion API: the right one, and the ways to get it wrong.</summary>
public static class WriteKeys
{
    public static string Valid(string writeKey) => Basic(writeKey + ":");

    public static Gen<(string? Header, string Name)> Invalid(string writeKey) => Gen.OneOf<(string?, string)>(
        (null, "no write key"),
        (Basic("not-the-key:"), "wrong write key"),
        (Basic(":" + writeKey), "write key as password"),
        ("Basic !!!not-base64!!!", "garbled base64"),
        ("Bearer " + writeKey, "bearer scheme"),
        ("Basic", "scheme without credentials"),
        (Basic(writeKey.ToUpperInvariant() + ":"), "write key in other case"));

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));
}
