namespace Journeys.Engine.Segments;

/// <summary>Membership after an evaluation, and who came in or went out compared with before.</summary>
public sealed record SegmentChanges(IReadOnlyList<string> Members, IReadOnlyList<string> Entered, IReadOnlyList<string> Exited)
{
    public bool Changed => Entered.Count > 0 || Exited.Count > 0;
}
