namespace Journeys.Engine.Analytics;

/// <summary><see cref="Successes"/> out of <see cref="Trials"/>, with its Wilson score 95% interval.</summary>
public sealed record Proportion(long Successes, long Trials, double Rate, double Low, double High)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval: unlike the normal approximation it stays inside [0, 1] and keeps
    /// its coverage for small groups and rates near 0, which control groups and conversions often are.
    /// </summary>
    public static Proportion Of(long successes, long trials)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return new(0, 0, 0, 0, 1);
        }

        double n = trials, p = successes / n, z2 = Z95 * Z95;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = Z95 / denominator * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
