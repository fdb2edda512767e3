namespace Journeys.Cluster.Tests;

/// <summary>
/// The orleansquery keys the Orleans 10.4.2 AdoNet providers look up, as read in their sources:
/// required ones from DbStoredQueries (clustering, reminders) and AdoNetGrainStorage, optional
/// ones the providers use when present.
/// </summary>
internal static class ProviderQueryKeys
{
    public static readonly string[] Clustering =
    [
        "InsertMembershipVersionKey",
        "InsertMembershipKey",
        "UpdateMembershipKey",
        "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey",
        "MembershipReadAllKey",
        "GatewaysQueryKey",
        "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    /// <summary>When present, clean-up deletes Dead silos one by one instead of in bulk.</summary>
    public static readonly string[] OptionalClustering = ["CleanupDefunctSiloEntryKey"];

    public static readonly string[] GrainStorage =
    [
        "ReadFromStorageKey",
        "WriteToStorageKey",
        "ClearStorageKey",
    ];

    /// <summary>Required only by a storage configured with DeleteStateOnClear.</summary>
    public static readonly string[] OptionalGrainStorage = ["DeleteStorageKey"];

    public static readonly string[] Reminders =
    [
        "UpsertReminderRowKey",
        "ReadReminderRowKey",
        "ReadReminderRowsKey",
        "ReadRangeRows1Key",
        "ReadRangeRows2Key",
        "DeleteReminderRowKey",
        "DeleteReminderRowsKey",
    ];

    public static IEnumerable<string> All =>
        [.. Clustering, .. OptionalClustering, .. GrainStorage, .. OptionalGrainStorage, .. Reminders];
}
