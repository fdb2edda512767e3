namespace Journeys.Engine.Events.Catalogue;

/// <summary>Who a toll pass is sold to: <c>private</c> or <c>professional</c> drivers.</summary>
public enum DriverSegment
{
    Private,
    Professional,
}
