namespace Journeys.Engine.Journeys;

/// <summary>
/// An input replayed at a virtual time. <paramref name="Profile"/>, when given, is the profile as it
/// stood once this input was applied (a recorded history replays how traits and computed properties evolved).
/// </summary>
public sealed record DryRunInput(DateTimeOffset At, JourneyInput Input, ProfileView? Profile = null);
