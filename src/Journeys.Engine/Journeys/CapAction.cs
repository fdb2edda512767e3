namespace Journeys.Engine.Journeys;

public enum CapAction
{
    Suppress,
    Defer,
}
