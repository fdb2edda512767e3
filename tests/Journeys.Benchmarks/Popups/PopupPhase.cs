using Journeys.Benchmarks.Measurement;

namespace Journeys.Benchmarks.Popups;

/// <summary>One measured phase: what was sent, what came back and how fast, and the CPU it took.</summary>
public sealed record PopupPhase(
    string Name,
    int Sent,
    int Arrived,
    int Repeated,
    int Misdelivered,
    int FailedSends,
    double SentPerSecond,
    LatencySummary Latency,
    LatencySummary Acks,
    IReadOnlyDictionary<string, double> CoresUsed);
