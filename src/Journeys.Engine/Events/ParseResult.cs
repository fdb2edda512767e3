namespace Journeys.Engine.Events;

/// <summary>
/// The outcome of parsing a call or a batch: either every event, or every error and no event,
/// because a batch is accepted or rejected whole.
/// </summary>
public sealed record ParseResult(IReadOnlyList<EventEnvelope> Events, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    internal static ParseResult From(List<EventEnvelope> events, List<FieldError> errors) =>
        errors.Count == 0 ? new(events, []) : new([], errors);
}
