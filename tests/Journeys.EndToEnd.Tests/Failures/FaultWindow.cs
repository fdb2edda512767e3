namespace Journeys.EndToEnd.Tests.Failures;

/// <summary>
/// What one fault cost the client: until a request sent after it was acknowledged, until every
/// journal partition delivered again, the failed attempts meanwhile, and how long the repair took
/// (a killed silo started again until healthy).
/// </summary>
public sealed record FaultWindow(string Fault, TimeSpan UntilAcked, TimeSpan UntilApplied, int FailedAttempts, TimeSpan? Repair);
