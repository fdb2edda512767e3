namespace Journeys.Engine.Profiles;

/// <summary>
/// How often a profile travelled one route and when. <see cref="Mode"/> is <c>flight</c> (From/To are
/// airports) or <c>road</c> (From/To are toll entry and exit points on <see cref="Road"/>).
/// </summary>
public sealed record RouteStats(string Mode, string From, string To, string? Road, int Count, DateTimeOffset FirstAt, DateTimeOffset LastAt)
{
    public RouteStats Combine(RouteStats other) => this with
    {
        Count = Count + other.Count,
        FirstAt = FirstAt < other.FirstAt ? FirstAt : other.FirstAt,
        LastAt = LastAt > other.LastAt ? LastAt : other.LastAt,
    };
}
