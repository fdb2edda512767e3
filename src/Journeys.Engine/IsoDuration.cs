using System.Xml;

namespace Journeys.Engine;

/// <summary>ISO 8601 durations; years and months count as 365 and 30 days.</summary>
public static class IsoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text) || !text.TrimStart('-').StartsWith('P'))
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToTimeSpan(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    public static string Format(TimeSpan value) => XmlConvert.ToString(value);
}
