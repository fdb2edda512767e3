namespace Journeys.Engine.Journeys;

/// <summary>The idempotency key of an action: one node visit of one instance is sent at most once.</summary>
public static class DedupeKeys
{
    public static string For(JourneyInstance instance, string nodeId) =>
        $"{instance.ProfileId}/{instance.JourneyId}/v{instance.Version}/{instance.InstanceId}/{nodeId}/{instance.NodeVisits.GetValueOrDefault(nodeId)}";
}
