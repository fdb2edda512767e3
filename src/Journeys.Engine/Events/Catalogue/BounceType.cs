namespace Journeys.Engine.Events.Catalogue;

/// <summary>
/// Hard: the address does not exist or refuses mail for good; soft: a passing failure (mailbox full,
/// greylisted) that the sender retries. On the wire lower case.
/// </summary>
public enum BounceType
{
    Hard,
    Soft,
}
