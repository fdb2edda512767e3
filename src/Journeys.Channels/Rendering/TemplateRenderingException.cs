namespace Journeys.Channels.Rendering;

/// <summary>A template that cannot be found or rendered: retrying will not help.</summary>
public sealed class TemplateRenderingException(string message) : Exception(message);
