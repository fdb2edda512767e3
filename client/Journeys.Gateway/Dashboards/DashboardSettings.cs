namespace Journeys.Gateway.Dashboards;

/// <summary>Settings section <c>Dashboard</c>.</summary>
public sealed class DashboardSettings
{
    /// <summary>How often watched journeys' counters are read and pushed to browsers that watch them.</summary>
    public TimeSpan LivePollPeriod { get; init; } = TimeSpan.FromMilliseconds(250);

    public static DashboardSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Dashboard").Get<DashboardSettings>() ?? new DashboardSettings();
        if (settings.LivePollPeriod < TimeSpan.FromMilliseconds(50) || settings.LivePollPeriod > TimeSpan.FromSeconds(10))
        {
            throw new InvalidOperationException($"Dashboard:LivePollPeriod must lie between 00:00:00.05 and 00:00:10, not {settings.LivePollPeriod}");
        }
        return settings;
    }
}
