namespace Journeys.Gateway.Profiles;

/// <summary>Settings section <c>Management</c>.</summary>
public sealed class ManagementOptions
{
    /// <summary>Keys for the management APIs, comma-separated.</summary>
    public string ApiKeys { get; init; } = "";

    public IReadOnlySet<string> ApiKeySet =>
        ApiKeys.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
}
