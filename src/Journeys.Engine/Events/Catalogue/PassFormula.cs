namespace Journeys.Engine.Events.Catalogue;

/// <summary>Toll pass formula: <c>local</c> (discount coefficient on one section), <c>regional</c>, <c>national</c>.</summary>
public enum PassFormula
{
    Local,
    Regional,
    National,
}
