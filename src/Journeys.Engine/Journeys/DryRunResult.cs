namespace Journeys.Engine.Journeys;

/// <summary>What a replay did: the nodes entered, the commands it would have issued, and the instances at the end.</summary>
public sealed record DryRunResult(
    IReadOnlyList<PathStep> Path,
    IReadOnlyList<TimedCommand> Commands,
    IReadOnlyList<JourneyInstance> Instances);

/// <summary>An instance entered a node at a virtual time.</summary>
public sealed record PathStep(DateTimeOffset At, string InstanceId, string NodeId);

/// <summary>A command and the virtual time it was issued.</summary>
public sealed record TimedCommand(DateTimeOffset At, JourneyCommand Command);
