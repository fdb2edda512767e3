using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine.Journeys;

/// <summary>One profile's trip through one version of a journey. Immutable: each step returns a new one.</summary>
public sealed record JourneyInstance
{
    public required string InstanceId { get; init; }

    public required string JourneyId { get; init; }

    public required int Version { get; init; }

    public required string ProfileId { get; init; }

    public required DateTimeOffset EnteredAt { get; init; }

    public string? CorrelationValue { get; init; }

    public InstanceStatus Status { get; init; } = InstanceStatus.Active;

    public string? CurrentNodeId { get; init; }

    public PendingWait? Wait { get; init; }

    /// <summary>The trigger's data (event properties or API payload), read as <c>context.*</c>.</summary>
    public JsonElement Context { get; init; }

    public JourneyEvent? TriggerEvent { get; init; }

    public bool InControlGroup { get; init; }

    /// <summary>Passed a holdout on its treatment side: its conversion measures the treatment against the control group.</summary>
    public bool InTreatmentGroup { get; init; }

    public bool Converted { get; init; }

    public DateTimeOffset? GoalDeadline { get; init; }

    public string? ExitReason { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>How often each node was entered; makes dedupe keys distinct on loops and identical on retries.</summary>
    public ImmutableDictionary<string, int> NodeVisits { get; init; } = ImmutableDictionary<string, int>.Empty;

    [JsonIgnore]
    public bool IsLive => Status == InstanceStatus.Active;

    /// <summary>When the caller must call back with <see cref="TimerFired"/>; the grain keeps one reminder for the earliest.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDueAt => IsLive ? Wait?.DueAt : null;

    /// <summary>A finished instance is kept while its goal window can still record a conversion.</summary>
    public bool CanBeForgotten(DateTimeOffset now) => !IsLive && (Converted || GoalDeadline is null || now > GoalDeadline);
}
