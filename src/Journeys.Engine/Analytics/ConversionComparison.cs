namespace Journeys.Engine.Analytics;

/// <summary>
/// Treatment against control: each group's conversion rate, their difference with a 95% interval,
/// and the relative lift (treatment rate / control rate - 1; null while the control rate is 0).
/// </summary>
public sealed record ConversionComparison(
    Proportion Treatment,
    Proportion Control,
    double Difference,
    double DifferenceLow,
    double DifferenceHigh,
    double? RelativeLift)
{
    /// <summary>True when the interval of the difference excludes 0: the campaign changed the conversion rate.</summary>
    public bool Significant => DifferenceLow > 0 || DifferenceHigh < 0;

    /// <summary>
    /// Newcombe's hybrid score interval for a difference of independent proportions (method 10 of
    /// Newcombe 1998), built from the two Wilson intervals: it behaves at small counts where the
    /// Wald interval overshoots [-1, 1] or collapses to a point at 0 conversions. Null when a group is empty.
    /// </summary>
    public static ConversionComparison? Of(long treatmentConversions, long treatmentSize, long controlConversions, long controlSize)
    {
        if (treatmentSize == 0 || controlSize == 0)
        {
            return null;
        }

        var t = Proportion.Of(treatmentConversions, treatmentSize);
        var c = Proportion.Of(controlConversions, controlSize);
        var difference = t.Rate - c.Rate;
        var low = difference - Math.Sqrt(Square(t.Rate - t.Low) + Square(c.High - c.Rate));
        var high = difference + Math.Sqrt(Square(t.High - t.Rate) + Square(c.Rate - c.Low));
        return new(t, c, difference, low, high, c.Rate == 0 ? null : t.Rate / c.Rate - 1);
    }

    private static double Square(double x) => x * x;
}
