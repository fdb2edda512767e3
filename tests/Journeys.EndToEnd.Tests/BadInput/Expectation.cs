namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>
/// The status a request must get and, for field errors, the JSON paths it must name: from each group, at
/// least one path must be an error key (a group holds the alternatives, e.g. a missing property or its object).
/// </summary>
public sealed record Expectation(int Status, IReadOnlyList<string[]> PathGroups)
{
    public static Expectation Accepted { get; } = new(200, []);

    public static Expectation Unauthorized { get; } = new(401, []);

    public static Expectation TooLarge { get; } = new(413, []);

    public static Expectation FieldError(params string[] anyOf) => new(400, [anyOf]);
}
