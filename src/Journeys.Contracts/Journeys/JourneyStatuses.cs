namespace Journeys.Contracts.Journeys;

public static class JourneyStatuses
{
    public const string Draft = "draft";
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Archived = "archived";

    public const string Keep = "keep";
    public const string Migrate = "migrate";
    public const string Exit = "exit";
}
