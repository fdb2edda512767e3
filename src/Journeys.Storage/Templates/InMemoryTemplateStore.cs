using System.Collections.Concurrent;

namespace Journeys.Storage.Templates;

/// <summary>Templates of the embedded default, kept in this process.</summary>
public sealed class InMemoryTemplateStore : ITemplateStore
{
    private readonly ConcurrentDictionary<string, StoredTemplate> templates = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<StoredTemplate>>([.. templates.Values.OrderBy(t => t.Id, StringComparer.Ordinal)]);

    public Task<StoredTemplate?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(templates.GetValueOrDefault(id));

    public Task SaveAsync(StoredTemplate template, CancellationToken cancellationToken = default)
    {
        templates[template.Id] = template;
        return Task.CompletedTask;
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult(templates.TryRemove(id, out _));
}
