using Journeys.Engine.Journeys;

namespace Journeys.Engine.Running;

/// <summary>The profile a recorded history starts the dry run from, and the inputs to replay after it.</summary>
public sealed record RecordedReplay(ProfileView Profile, IReadOnlyList<DryRunInput> Inputs);
