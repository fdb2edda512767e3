using System.Text.Json;

namespace Journeys.Engine.Events;

/// <summary>
/// Reads typed fields of one JSON object and records every problem with its path instead of
/// stopping at the first, so a caller gets the whole list in one answer.
/// A missing field and an explicit <c>null</c> are treated alike, as Segment libraries send both.
/// </summary>
internal sealed class JsonObjectReader
{
    private readonly JsonElement _element;
    private readonly List<FieldError> _errors;

    public JsonObjectReader(JsonElement element, string path, List<FieldError> errors)
    {
        _element = element;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    public JsonElement Element => _element;

    public int ErrorCount => _errors.Count;

    public List<FieldError> Errors => _errors;

    public string PathOf(string name) => JsonPath.Property(Path, name);

    public void Error(string name, string message) => _errors.Add(new FieldError(PathOf(name), message));

    public bool Has(string name) => TryGet(name, out _);

    public bool TryGet(string name, out JsonElement value)
    {
        if (_element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string? String(string name, bool required, int maxLength = 255)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, "must be a string");
            return null;
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            Error(name, "must not be empty");
            return null;
        }

        if (text.Length > maxLength)
        {
            Error(name, $"must be at most {maxLength} characters");
            return null;
        }

        return text;
    }

    public string? Code(string name, bool required, Func<string, bool> isValid, string expectation)
    {
        var text = String(name, required);
        if (text is not null && !isValid(text))
        {
            Error(name, expectation);
            return null;
        }

        return text;
    }

    public T? Enum<T>(string name, bool required)
        where T : struct, Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }

        if (WireNames<T>.TryParse(text, out var value))
        {
            return value;
        }

        Error(name, $"must be one of: {WireNames<T>.Expected}");
        return null;
    }

    public decimal? Decimal(string name, bool required, decimal minimum = 0m)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number) || number < minimum)
        {
            Error(name, $"must be a number >= {minimum}");
            return null;
        }

        return number;
    }

    public int? Integer(string name, bool required, int minimum)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < minimum)
        {
            Error(name, $"must be an integer >= {minimum}");
            return null;
        }

        return number;
    }

    public bool? Boolean(string name, bool required)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Error(name, "must be true or false");
            return null;
        }

        return value.GetBoolean();
    }

    public DateOnly? Date(string name, bool required)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !JsonFormats.TryParseDate(value.GetString()!, out var date))
        {
            Error(name, JsonFormats.DateExpectation);
            return null;
        }

        return date;
    }

    public DateTimeOffset? DateTime(string name, bool required)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !JsonFormats.TryParseDateTime(value.GetString()!, out var moment))
        {
            Error(name, JsonFormats.DateTimeExpectation);
            return null;
        }

        return moment;
    }

    public JsonObjectReader? Object(string name, bool required)
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(name, "must be an object");
            return null;
        }

        return new JsonObjectReader(value, PathOf(name), _errors);
    }

    /// <summary>Reads an array of objects; <paramref name="readItem"/> returns null when the item had errors.</summary>
    public IReadOnlyList<T>? Array<T>(string name, bool required, int minimumCount, Func<JsonObjectReader, T?> readItem)
        where T : class
    {
        if (!Present(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < minimumCount)
        {
            Error(name, minimumCount > 0 ? $"must be an array of at least {minimumCount} item(s)" : "must be an array");
            return null;
        }

        var arrayPath = PathOf(name);
        var items = new List<T>();
        var index = 0;
        var failed = false;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPath.Index(arrayPath, index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                _errors.Add(new FieldError(itemPath, "must be an object"));
                failed = true;
                continue;
            }

            var read = readItem(new JsonObjectReader(item, itemPath, _errors));
            if (read is null)
            {
                failed = true;
            }
            else
            {
                items.Add(read);
            }
        }

        return failed ? null : items;
    }

    private bool Present(string name, bool required, out JsonElement value)
    {
        if (TryGet(name, out value))
        {
            return true;
        }

        if (required)
        {
            Error(name, "is required");
        }

        return false;
    }
}
