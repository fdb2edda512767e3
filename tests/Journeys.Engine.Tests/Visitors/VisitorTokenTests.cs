using System.Text;
using CsCheck;
using Journeys.Engine.Events;
using Journeys.Engine.Visitors;

namespace Journeys.Engine.Tests.Visitors;

public sealed class VisitorTokenTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("site secret for tests");
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_token_made_with_the_site_secret_proves_its_profile_until_it_expires()
    {
        var token = VisitorToken.Create("toll", ProfileKind.Customer, "anon-ä/42", Now.AddHours(1), Secret);

        Assert.Equal("toll", VisitorToken.SiteOf(token));
        Assert.Equal(new VisitorIdentity("toll", ProfileKind.Customer, "anon-ä/42", Now.AddHours(1)), VisitorToken.Verify(token, Secret, Now));
        Assert.Null(VisitorToken.Verify(token, Secret, Now.AddHours(1)));
        Assert.Equal("anon-ä/42", VisitorToken.ReadGenuine(token, Secret)?.ProfileId);
    }

    [Fact]
    public void A_token_signed_with_another_secret_is_refused()
    {
        var token = VisitorToken.Create("toll", ProfileKind.Customer, "ann", Now.AddHours(1), Encoding.UTF8.GetBytes("another site's secret"));

        Assert.Null(VisitorToken.Verify(token, Secret, Now));
    }

    [Theory]
    [InlineData(1, "cashier")]
    [InlineData(2, "Ym9i")]
    [InlineData(3, "99999999999")]
    [InlineData(0, "airline")]
    public void Changing_any_claim_of_a_genuine_token_breaks_it(int part, string forged)
    {
        var parts = VisitorToken.Create("toll", ProfileKind.Customer, "ann", Now.AddHours(1), Secret).Split('.');
        parts[part] = forged;

        Assert.Null(VisitorToken.Verify(string.Join('.', parts), Secret, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("toll")]
    [InlineData("toll.customer.YW5u.1780304400")]
    [InlineData("toll.customer.YW5u.1780304400.!!!")]
    [InlineData("toll.visitor.YW5u.1780304400.AAAA")]
    [InlineData("toll.customer..1780304400.AAAA")]
    [InlineData("toll.customer.YW5u.-5.AAAA")]
    [InlineData("TOLL.customer.YW5u.1780304400.AAAA")]
    public void Malformed_tokens_are_refused_without_an_exception(string token) =>
        Assert.Null(VisitorToken.Verify(token, Secret, Now));

    [Fact]
    public void Any_random_signature_is_refused() =>
        Gen.Byte.Array[32, 32].Sample(mac =>
        {
            var genuine = VisitorToken.Create("toll", ProfileKind.Customer, "ann", Now.AddHours(1), Secret);
            var forged = genuine[..genuine.LastIndexOf('.')] + "." + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return forged == genuine || VisitorToken.Verify(forged, Secret, Now) is null;
        });
}
