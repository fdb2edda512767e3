namespace Journeys.Storage.Templates;

/// <summary>A Liquid message template that journey message nodes name by <see cref="Id"/>.</summary>
public sealed record StoredTemplate(string Id, string? Subject, string Body);
