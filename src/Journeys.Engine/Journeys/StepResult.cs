namespace Journeys.Engine.Journeys;

/// <summary>The instance after a step and what the step asks for, in order.</summary>
public sealed record StepResult(JourneyInstance Instance, IReadOnlyList<JourneyCommand> Commands);
