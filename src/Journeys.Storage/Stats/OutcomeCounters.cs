namespace Journeys.Storage.Stats;

/// <summary>The breakdowns kept in <c>journey_node_outcomes</c>.</summary>
public static class OutcomeCounters
{
    /// <summary>Passes through a node by the exit taken (<c>done</c>, <c>timeout</c>, <c>control</c>, a branch name...).</summary>
    public const string Exit = "exit";

    /// <summary>Suppressed actions by the kind of reason (<c>noConsent</c>, <c>frequencyCap</c>...).</summary>
    public const string Suppressed = "suppressed";

    /// <summary>Finished instances by reason (<c>completed</c>, <c>goal</c>, <c>controlGroup</c>...).</summary>
    public const string Finished = "finished";

    /// <summary>Goal conversions by group: <c>treatment</c> or <c>control</c> after a holdout, <c>noGroup</c> before or without one.</summary>
    public const string Converted = "converted";

    public const string Treatment = "treatment";
    public const string Control = "control";
    public const string NoGroup = "noGroup";
}
