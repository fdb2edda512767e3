using Journeys.Benchmarks.Load;
using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Report;

/// <summary>
/// A load phase with what explains it: rows and commits it produced (group-commit size), the
/// database's commits and WAL flushes, cores used per process, what the database was busy with,
/// and how long profiles took to catch up (or, past the timeout, how many events were still not applied).
/// </summary>
public sealed record PhaseReport(
    LoadResult Load,
    long JournalRows,
    long JournalCommits,
    DatabaseCounters Database,
    IReadOnlyDictionary<string, double> CoresUsed,
    string DatabaseActivity,
    long BacklogAtEnd,
    TimeSpan? CatchUp,
    TimeSpan CatchUpTimeout,
    long BacklogAfterTimeout)
{
    public double RowsPerCommit => JournalCommits == 0 ? 0 : (double)JournalRows / JournalCommits;
}
