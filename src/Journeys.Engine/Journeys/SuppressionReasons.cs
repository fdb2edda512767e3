namespace Journeys.Engine.Journeys;

/// <summary>Suppression reasons name their kind first ("noConsent:email:cart"): figures are summed by kind.</summary>
public static class SuppressionReasons
{
    public static string Kind(string reason) => reason.Split(':', 2)[0];
}
