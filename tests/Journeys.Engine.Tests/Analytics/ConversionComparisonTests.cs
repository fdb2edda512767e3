using CsCheck;
using Journeys.Engine.Analytics;

namespace Journeys.Engine.Tests.Analytics;

public sealed class ConversionComparisonTests
{
    // Newcombe (1998), "Interval estimation for the difference between independent proportions",
    // Statistics in Medicine 17, table II, method 10 (score interval from Wilson limits).
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(6, 7, 2, 7, 0.0582, 0.8062)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    [InlineData(0, 10, 0, 10, -0.2775, 0.2775)]
    public void The_interval_of_the_difference_matches_Newcombes_published_figures(
        int treatmentConversions, int treatmentSize, int controlConversions, int controlSize, double low, double high)
    {
        var comparison = ConversionComparison.Of(treatmentConversions, treatmentSize, controlConversions, controlSize)!;

        Assert.Equal(low, comparison.DifferenceLow, 4);
        Assert.Equal(high, comparison.DifferenceHigh, 4);
    }

    [Fact]
    public void The_toll_campaign_converts_8_percent_against_2_percent_and_the_lift_is_significant()
    {
        // The seed's figures: 8% of 300 treated carts bought against 2% of a 300-cart control group.
        var comparison = ConversionComparison.Of(24, 300, 6, 300)!;

        Assert.Equal(0.08, comparison.Treatment.Rate, 6);
        Assert.Equal(0.02, comparison.Control.Rate, 6);
        Assert.Equal(0.06, comparison.Difference, 6);
        Assert.Equal(3.0, comparison.RelativeLift!.Value, 6);
        Assert.True(comparison.Significant);
    }

    [Fact]
    public void A_small_control_group_leaves_the_same_rates_inconclusive()
    {
        var comparison = ConversionComparison.Of(8, 100, 0, 10)!;

        Assert.False(comparison.Significant);
        Assert.Null(comparison.RelativeLift);
    }

    [Fact]
    public void There_is_no_comparison_without_a_control_group() =>
        Assert.Null(ConversionComparison.Of(5, 50, 0, 0));

    [Fact]
    public void Every_interval_holds_its_estimate_and_stays_within_bounds() =>
        Gen.Select(Gen.Int[1, 5000], Gen.Int[1, 5000], Gen.Double[0, 1], Gen.Double[0, 1])
            .Sample((nt, nc, ft, fc) =>
            {
                var comparison = ConversionComparison.Of((long)(nt * ft), nt, (long)(nc * fc), nc)!;
                foreach (var group in new[] { comparison.Treatment, comparison.Control })
                {
                    Assert.InRange(group.Rate, group.Low - 1e-12, group.High + 1e-12);
                    Assert.InRange(group.Low, 0, 1);
                    Assert.InRange(group.High, 0, 1);
                }
                Assert.InRange(comparison.Difference, comparison.DifferenceLow - 1e-12, comparison.DifferenceHigh + 1e-12);
                Assert.InRange(comparison.DifferenceLow, -1 - 1e-12, 1 + 1e-12);
                Assert.InRange(comparison.DifferenceHigh, -1 - 1e-12, 1 + 1e-12);
            });
}
