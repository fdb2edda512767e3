namespace Journeys.Engine.Journeys;

/// <summary>Calls an HTTP endpoint; the body is a Liquid template.</summary>
public sealed record WebhookNode : ActionNode
{
    public required Uri Url { get; init; }

    public string Method { get; init; } = "POST";

    public string? Body { get; init; }
}
