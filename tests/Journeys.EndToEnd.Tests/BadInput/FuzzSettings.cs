using System.Globalization;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Seed and size of a fuzz run: fixed by default so a failure reproduces, changed with environment variables.</summary>
public sealed record FuzzSettings(ulong Seed, int Cases, int Connections)
{
    public const ulong DefaultSeed = 20261201;
    public const int DefaultCases = 10_000;

    public static FuzzSettings FromEnvironment() => new(
        ulong.TryParse(Environment.GetEnvironmentVariable("JOURNEYS_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed,
        int.TryParse(Environment.GetEnvironmentVariable("JOURNEYS_FUZZ_CASES"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var cases) ? cases : DefaultCases,
        Connections: 8);

    /// <summary>The prefix of every messageId and journey id of the run.</summary>
    public string Run => "fz" + Seed.ToString(CultureInfo.InvariantCulture);

    public string Rerun => $"JOURNEYS_FUZZ_SEED={Seed} JOURNEYS_FUZZ_CASES={Cases} dotnet test tests/Journeys.EndToEnd.Tests -c Release --filter FullyQualifiedName~BadInputFuzzTests";
}
