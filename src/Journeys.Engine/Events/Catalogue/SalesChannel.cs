namespace Journeys.Engine.Events.Catalogue;

/// <summary>Where a booking was sold; on the wire <c>direct</c>, <c>agency</c>, <c>web</c>, <c>mobile</c>, <c>call-centre</c>.</summary>
public enum SalesChannel
{
    Direct,
    Agency,
    Web,
    Mobile,
    CallCentre,
}
