namespace Journeys.Storage.Templates;

public interface ITemplateStore
{
    Task<IReadOnlyList<StoredTemplate>> ListAsync(CancellationToken cancellationToken = default);

    Task<StoredTemplate?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task SaveAsync(StoredTemplate template, CancellationToken cancellationToken = default);

    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
