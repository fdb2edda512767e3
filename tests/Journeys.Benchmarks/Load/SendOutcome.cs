namespace Journeys.Benchmarks.Load;

/// <summary>One request's result: acknowledged (with the gateway's counts) or failed with a reason.</summary>
public sealed record SendOutcome(bool IsAcked, int Stored, int Duplicates, string? Error)
{
    public static SendOutcome Acked(int stored, int duplicates) => new(true, stored, duplicates, null);

    public static SendOutcome Failed(string error) => new(false, 0, 0, error);
}
