namespace Journeys.Engine.Journeys;

/// <summary>A message on a channel; needs the profile's consent for the channel and <see cref="Topic"/>.</summary>
public sealed record MessageNode : ActionNode
{
    public required Channel Channel { get; init; }

    public required MessageTemplate Template { get; init; }

    public required string Topic { get; init; }
}
