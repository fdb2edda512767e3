namespace Journeys.Channels.Rendering;

public sealed record RenderedMessage(string? Subject, string Body);
