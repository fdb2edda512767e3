namespace Journeys.Storage.GrainState;

/// <summary>Grain state that can fall due: its storage keeps the due time in the due index, in the same write.</summary>
public interface IDueIndexed
{
    /// <summary>When the state's grain must next be woken; null when nothing is pending.</summary>
    DateTimeOffset? DueAt { get; }
}
