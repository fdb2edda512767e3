namespace Journeys.Contracts.Visitors;

/// <summary>
/// A gateway's visitor hub as seen by profile grains: one observer per gateway process, registered
/// with every profile that has a connection there, refreshed periodically (grains forget observers
/// they have not heard from, and a reactivated grain knows none until the next refresh).
/// </summary>
[Alias("journeys.visitor-observer")]
public interface IVisitorObserver : IGrainObserver
{
    /// <summary>Sends the popup to the profile's connections on this gateway; false when it has none.</summary>
    [Alias("show-popup")]
    Task<bool> ShowPopupAsync(string kind, string profileId, PopupMessage popup);
}
