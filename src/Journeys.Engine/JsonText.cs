using System.Text.Json;
using System.Text.Unicode;
using Journeys.Engine.Events;

namespace Journeys.Engine;

/// <summary>
/// Checks that a JSON body is Unicode text. The JSON reader lets both kinds of bad text through (invalid
/// UTF-8 bytes inside a string, and <c>\uD800</c>-style escapes of half a surrogate pair), and they only
/// fail later, when a string is read or the body is stored: a server error instead of a field error.
/// </summary>
public static class JsonText
{
    public const string NotUtf8 = "is not valid JSON: the body is not UTF-8 text";
    public const string LoneSurrogate = "is not valid Unicode text: it escapes half of a surrogate pair";

    public static bool IsUtf8(ReadOnlySpan<byte> utf8Json) => Utf8.IsValid(utf8Json);

    /// <summary>The JSONPath of the first string or property name that is not valid Unicode, or null.</summary>
    public static string? FindLoneSurrogate(ReadOnlySpan<byte> utf8Json, JsonElement root) =>
        HasSurrogateEscape(utf8Json) ? Find(root, JsonPath.Root) : null;

    // Only \uD800-\uDFFF escapes can make a well-formed UTF-8 body decode to invalid text; most bodies have none.
    private static bool HasSurrogateEscape(ReadOnlySpan<byte> text)
    {
        for (var at = text.IndexOf("\\u"u8); at >= 0 && at + 3 < text.Length; at = Next(text, at))
        {
            if (text[at + 2] is (byte)'d' or (byte)'D' && text[at + 3] is (>= (byte)'8' and <= (byte)'9') or (>= (byte)'a' and <= (byte)'f') or (>= (byte)'A' and <= (byte)'F'))
            {
                return true;
            }
        }
        return false;
    }

    private static int Next(ReadOnlySpan<byte> text, int at)
    {
        var next = text[(at + 2)..].IndexOf("\\u"u8);
        return next < 0 ? -1 : at + 2 + next;
    }

    private static string? Find(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsText(element.GetString) ? null : path;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, JsonPath.Index(path, index++)) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsText(() => property.Name))
                    {
                        return path;
                    }
                    if (Find(property.Value, JsonPath.Property(path, property.Name)) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static bool IsText(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
