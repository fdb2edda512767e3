namespace Journeys.Engine.Events.Catalogue;

/// <summary>On the wire <c>economy</c>, <c>premium-economy</c>, <c>business</c>, <c>first</c>.</summary>
public enum CabinClass
{
    Economy,
    PremiumEconomy,
    Business,
    First,
}
