namespace Journeys.Gateway.Ingestion;

/// <summary>The answer to the n-th batch of a stream: committed (with counts), or rejected whole with its errors.</summary>
public sealed record BatchAck(int Sequence, bool Accepted, int Stored, int Duplicates, IReadOnlyList<string> Errors);
