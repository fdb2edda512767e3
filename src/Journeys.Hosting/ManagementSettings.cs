namespace Journeys.Hosting;

/// <summary>Settings section <c>Management</c>.</summary>
public sealed class ManagementSettings
{
    /// <summary>Keys for the management APIs, comma-separated.</summary>
    public string ApiKeys { get; init; } = "";

    public IReadOnlySet<string> ApiKeySet =>
        ApiKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
