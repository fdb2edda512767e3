namespace Journeys.Engine.Events;

/// <summary>Which kind of profile an event is addressed to; on the wire <c>customer</c>, <c>cashier</c> or <c>corporate</c>.</summary>
public enum ProfileKind
{
    Customer,
    Cashier,
    Corporate,
}
