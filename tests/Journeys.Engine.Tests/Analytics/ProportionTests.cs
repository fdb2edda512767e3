using Journeys.Engine.Analytics;

namespace Journeys.Engine.Tests.Analytics;

public sealed class ProportionTests
{
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17, table I, method 3.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void The_Wilson_interval_matches_Newcombes_published_figures(int successes, int trials, double low, double high)
    {
        var proportion = Proportion.Of(successes, trials);

        Assert.Equal(low, proportion.Low, 4);
        Assert.Equal(high, proportion.High, 4);
    }

    [Fact]
    public void An_empty_group_has_no_rate_and_the_widest_interval() =>
        Assert.Equal(new Proportion(0, 0, 0, 0, 1), Proportion.Of(0, 0));
}
