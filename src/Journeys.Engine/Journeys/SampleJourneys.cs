namespace Journeys.Engine.Journeys;

/// <summary>The sample journeys of both domains, shipped as embedded JSON (Samples/*.json).</summary>
public static class SampleJourneys
{
    private const string Prefix = "Journeys.Engine.Samples.";

    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(SampleJourneys).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)];

    public static string Json(string name)
    {
        using var stream = typeof(SampleJourneys).Assembly.GetManifestResourceStream($"{Prefix}{name}.json")
            ?? throw new ArgumentException($"No sample journey named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The sample, parsed; samples are valid by construction (tests prove it).</summary>
    public static JourneyDefinition Load(string name) =>
        JourneyParser.Parse(Json(name)) is { IsValid: true, Definition: { } definition }
            ? definition
            : throw new InvalidOperationException($"Sample journey '{name}' is invalid.");
}
