namespace Journeys.Engine.Conditions;

/// <summary>A parsed field reference: <c>event.properties.cartId</c> is root Event with segments [properties, cartId].</summary>
public sealed record FieldPath(FieldRoot Root, IReadOnlyList<string> Segments)
{
    public static bool TryParse(string? text, out FieldPath path)
    {
        path = new FieldPath(FieldRoot.Traits, []);
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (parts.Length < 2 || parts.Any(string.IsNullOrWhiteSpace) || !TryParseRoot(parts[0], out var root))
        {
            return false;
        }

        path = new FieldPath(root, parts[1..]);
        return true;
    }

    public static bool TryParseRoot(string text, out FieldRoot root)
    {
        switch (text)
        {
            case "traits": root = FieldRoot.Traits; return true;
            case "computed": root = FieldRoot.Computed; return true;
            case "event": root = FieldRoot.Event; return true;
            case "context": root = FieldRoot.Context; return true;
            default: root = default; return false;
        }
    }

    public override string ToString() => $"{Root.ToString().ToLowerInvariant()}.{string.Join('.', Segments)}";
}
