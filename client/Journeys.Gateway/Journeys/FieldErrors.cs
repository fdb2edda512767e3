namespace Journeys.Gateway.Journeys;

/// <summary>Problems with a request, keyed by JSON path (<c>$.nodes[3].next</c>), as ValidationProblem wants them.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages))
        {
            errors[path] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>The engine locates errors as <c>nodes[3].next</c>; the API speaks JSON paths.</summary>
    public void AddEngine(string location, string message) => Add(location == "$" ? "$" : "$." + location, message);

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public IResult ToProblem(string title) => Results.ValidationProblem(ToDictionary(), title: title);
}
