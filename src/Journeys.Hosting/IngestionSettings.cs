namespace Journeys.Hosting;

/// <summary>Settings section <c>Ingestion</c>.</summary>
public sealed class IngestionSettings
{
    /// <summary>Write keys accepted as the HTTP Basic user name (Segment convention). Comma-separated in one variable.</summary>
    public string WriteKeys { get; init; } = "";

    public IReadOnlySet<string> WriteKeySet =>
        WriteKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
