using Journeys.Channels.Tracking;

namespace Journeys.Channels.Tests;

public sealed class TrackingLinksTests
{
    private static readonly TrackedDelivery Delivery = new("customer", "ann", "ann/promo/v1/i1/n1/1", "promo", "email", "offers");
    private static readonly TrackingLinks Links = new(new TrackingSettings { PublicBaseUrl = "https://go.tolls.example/", Secret = "s3cret" });

    private static string TokenOf(Uri link) => link.AbsolutePath.Split('/')[^1];

    [Fact]
    public void A_link_this_service_signed_reads_back_as_its_delivery()
    {
        var unsubscribe = Links.Unsubscribe(Delivery);

        Assert.StartsWith("https://go.tolls.example/t/u/", unsubscribe.ToString(), StringComparison.Ordinal);
        Assert.Equal(Delivery, Links.Read(TokenOf(unsubscribe)));
    }

    [Fact]
    public void A_token_signed_with_another_secret_or_changed_is_refused()
    {
        var foreign = new TrackingLinks(new TrackingSettings { Secret = "other" }).Pixel(Delivery);
        var token = TokenOf(Links.Pixel(Delivery));
        var changed = "x" + token[1..];

        Assert.Null(Links.Read(TokenOf(foreign)));
        Assert.Null(Links.Read(changed));
        Assert.Null(Links.Read("no-signature"));
    }

    [Fact]
    public void A_click_is_honoured_only_for_the_target_it_was_signed_for()
    {
        var click = Links.Click(Delivery, "https://tolls.example/offers");
        var query = System.Web.HttpUtility.ParseQueryString(click.Query);

        Assert.True(Links.IsSignedTarget(TokenOf(click), query["url"]!, query["sig"]!));
        Assert.False(Links.IsSignedTarget(TokenOf(click), "https://evil.example/", query["sig"]!));
    }

    [Fact]
    public void Without_a_secret_no_token_is_honoured()
    {
        var unsigned = new TrackingLinks(new TrackingSettings { Secret = "" });

        Assert.Null(unsigned.Read(TokenOf(unsigned.Pixel(Delivery))));
        Assert.False(unsigned.IsSignedTarget("a.b", "https://tolls.example/", "sig"));
    }
}
