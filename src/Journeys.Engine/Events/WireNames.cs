using System.Collections.Frozen;
using System.Text;

namespace Journeys.Engine.Events;

/// <summary>
/// Wire spelling of enums: kebab-case of the member name (<c>CallCentre</c> is <c>call-centre</c>),
/// so the C# names can follow .NET conventions while the JSON follows Segment's lower-case style.
/// </summary>
internal static class WireNames<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(Kebab, StringComparer.Ordinal);

    private static readonly FrozenDictionary<T, string> ByValue =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, Kebab);

    public static string Expected { get; } = string.Join(", ", Enum.GetValues<T>().Select(Kebab));

    public static bool TryParse(string name, out T value) => ByName.TryGetValue(name, out value);

    public static string Of(T value) => ByValue[value];

    private static string Kebab(T value)
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
