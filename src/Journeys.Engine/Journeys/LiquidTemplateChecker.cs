using System.Text.RegularExpressions;

namespace Journeys.Engine.Journeys;

/// <summary>
/// Checks Liquid templates without rendering them: tags balanced and known, every variable rooted at
/// a known name (or one the template assigns). A subset check that keeps the engine free of
/// dependencies; rendering (Fluid) happens in the delivery layer, <c>Journeys.Channels</c>.
/// </summary>
public static partial class LiquidTemplateChecker
{
    /// <summary>The roots a journey template may read.</summary>
    public static IReadOnlySet<string> JourneyRoots { get; } =
        new HashSet<string>(["profile", "traits", "computed", "event", "context", "journey"], StringComparer.Ordinal);

    private static readonly Dictionary<string, string> BlockEnds = new(StringComparer.Ordinal)
    {
        ["if"] = "endif",
        ["unless"] = "endunless",
        ["case"] = "endcase",
        ["for"] = "endfor",
        ["capture"] = "endcapture",
        ["tablerow"] = "endtablerow",
    };

    private static readonly HashSet<string> InnerTags = new(["else", "elsif", "when", "break", "continue", "assign", "increment", "decrement", "cycle", "echo"], StringComparer.Ordinal);

    private static readonly HashSet<string> Keywords = new(["and", "or", "not", "contains", "true", "false", "nil", "null", "empty", "blank", "in", "with", "limit", "offset", "reversed", "by"], StringComparer.Ordinal);

    public static IReadOnlyList<string> Check(string template, IReadOnlySet<string> roots)
    {
        var errors = new List<string>();
        var locals = new HashSet<string>(["forloop", "tablerowloop"], StringComparer.Ordinal);
        var open = new Stack<string>();
        var position = 0;
        while (NextMarkup(template, position) is var (start, isTag) && start >= 0)
        {
            var closer = isTag ? "%}" : "}}";
            var end = template.IndexOf(closer, start + 2, StringComparison.Ordinal);
            if (end < 0)
            {
                errors.Add($"'{template.Substring(start, 2)}' at offset {start} is never closed with '{closer}'");
                break;
            }

            var body = template[(start + 2)..end].Trim('-', ' ', '\t', '\r', '\n');
            position = end + 2;
            if (!isTag)
            {
                CheckExpression(body, start, roots, locals, errors);
                continue;
            }

            var name = body.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
            var rest = body.Length > name.Length ? body[name.Length..].Trim() : string.Empty;
            if (name is "comment" or "raw")
            {
                position = SkipTo(template, position, $"end{name}", start, errors);
                continue;
            }

            if (BlockEnds.ContainsKey(name))
            {
                open.Push(name);
                CheckTagArguments(name, rest, start, roots, locals, errors);
            }
            else if (name.StartsWith("end", StringComparison.Ordinal) && BlockEnds.ContainsValue(name))
            {
                if (open.Count == 0 || BlockEnds[open.Peek()] != name)
                {
                    errors.Add($"'{name}' at offset {start} closes nothing open{(open.Count > 0 ? $" (expected 'end{open.Peek()}')" : string.Empty)}");
                }
                else
                {
                    open.Pop();
                }
            }
            else if (InnerTags.Contains(name))
            {
                CheckTagArguments(name, rest, start, roots, locals, errors);
            }
            else
            {
                errors.Add($"unknown tag '{name}' at offset {start}");
            }
        }

        errors.AddRange(open.Select(tag => $"'{tag}' is never closed with '{BlockEnds[tag]}'"));
        return errors;
    }

    private static (int Start, bool IsTag) NextMarkup(string template, int from)
    {
        var output = template.IndexOf("{{", from, StringComparison.Ordinal);
        var tag = template.IndexOf("{%", from, StringComparison.Ordinal);
        return (output, tag) switch
        {
            (< 0, < 0) => (-1, false),
            (< 0, _) => (tag, true),
            (_, < 0) => (output, false),
            _ => output < tag ? (output, false) : (tag, true),
        };
    }

    private static int SkipTo(string template, int from, string endTag, int start, List<string> errors)
    {
        var match = EndTag().Match(template, from);
        while (match.Success && match.Groups[1].Value != endTag)
        {
            match = match.NextMatch();
        }

        if (!match.Success)
        {
            errors.Add($"'{endTag[3..]}' at offset {start} is never closed with '{endTag}'");
            return template.Length;
        }

        return match.Index + match.Length;
    }

    private static void CheckTagArguments(string name, string arguments, int offset, IReadOnlySet<string> roots, HashSet<string> locals, List<string> errors)
    {
        switch (name)
        {
            case "assign":
                var equals = arguments.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    errors.Add($"'assign' at offset {offset} needs 'name = value'");
                    return;
                }

                CheckExpression(arguments[(equals + 1)..], offset, roots, locals, errors);
                locals.Add(arguments[..equals].Trim());
                break;
            case "capture" or "increment" or "decrement":
                locals.Add(arguments.Trim());
                break;
            case "for" or "tablerow":
                var parts = arguments.Split(" in ", 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2)
                {
                    errors.Add($"'{name}' at offset {offset} needs 'item in collection'");
                    return;
                }

                CheckExpression(parts[1], offset, roots, locals, errors);
                locals.Add(parts[0]);
                break;
            case "cycle":
                break;
            default:
                CheckExpression(arguments, offset, roots, locals, errors);
                break;
        }
    }

    private static void CheckExpression(string expression, int offset, IReadOnlySet<string> roots, HashSet<string> locals, List<string> errors)
    {
        var withoutStrings = StringLiteral().Replace(expression, "\"\"");
        if (withoutStrings.Count(c => c == '\'') % 2 == 1 || withoutStrings.Count(c => c == '"') % 2 == 1)
        {
            errors.Add($"unterminated string at offset {offset}");
            return;
        }

        var segments = withoutStrings.Split('|');
        for (var i = 0; i < segments.Length; i++)
        {
            // In a filter segment the first word is the filter's name; its arguments follow a colon.
            var text = i == 0 ? segments[i] : segments[i].Contains(':', StringComparison.Ordinal) ? segments[i][(segments[i].IndexOf(':', StringComparison.Ordinal) + 1)..] : string.Empty;
            if (i > 0 && string.IsNullOrWhiteSpace(segments[i]))
            {
                errors.Add($"empty filter at offset {offset}");
            }

            foreach (Match variable in Variable().Matches(text))
            {
                var root = variable.Groups[1].Value;
                if (!Keywords.Contains(root) && !locals.Contains(root) && !roots.Contains(root) && !IsNamedArgument(text, variable))
                {
                    errors.Add($"unknown variable root '{root}' at offset {offset}: expected one of {string.Join(", ", roots)}");
                }
            }
        }
    }

    private static bool IsNamedArgument(string text, Match variable)
    {
        var after = variable.Index + variable.Length;
        return after < text.Length && text[after..].TrimStart().StartsWith(':');
    }

    [GeneratedRegex("""("[^"]*"|'[^']*')""")]
    private static partial Regex StringLiteral();

    // A variable starts with a letter or underscore not preceded by a dot or a digit (so 1.5 and a.b.c are not roots).
    [GeneratedRegex(@"(?<![\w.\]])([A-Za-z_][\w-]*)(?:\.[\w-]+|\[[^\]]*\])*")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{%-?\s*(\w+)\s*-?%\}")]
    private static partial Regex EndTag();
}
