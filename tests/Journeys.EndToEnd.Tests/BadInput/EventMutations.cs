using System.Text.Json.Nodes;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Breaks one field of a valid event and says at which JSON path the gateway must name it.</summary>
public static class EventMutations
{
    /// <summary>A broken copy of the event: the mutation's name and the error key it must produce.</summary>
    public sealed record Broken(JsonObject Body, string Mutation, string RelativePath);

    public static Gen<Broken> Of(ValidEvent valid) => Gen.Frequency(
        (3, from field in Gen.OneOf<EventField>([.. valid.Fields])
            from value in WrongValue(field)
            select Set(valid, field, value.Json, value.Name)),
        (1, valid.Fields.Any(f => f.Required)
            ? Gen.OneOf<EventField>([.. valid.Fields.Where(f => f.Required)]).Select(field => Remove(valid, field))
            : Gen.OneOf<EventField>([.. valid.Fields]).Select(field => Set(valid, field, "[]", "wrong type")))
    );

    private static Broken Set(ValidEvent valid, EventField field, string json, string name)
    {
        var body = valid.Body.DeepClone().AsObject();
        JsonEdits.Set(body, field.Path, JsonNode.Parse(json));
        return new Broken(body, $"{name} at {field.Path}", field.Path);
    }

    private static Broken Remove(ValidEvent valid, EventField field)
    {
        var body = valid.Body.DeepClone().AsObject();
        JsonEdits.Remove(body, field.Path);
        return new Broken(body, $"missing {field.Path}", field.Path);
    }

    private static Gen<(string Json, string Name)> WrongValue(EventField field) => field.Kind switch
    {
        FieldKind.Text => Gen.Frequency((3, Named("wrong type", "12", "true", "{}", "[]")), (2, Named("empty", "\"\"", "\"   \"")), (1, TooLong(field.MaxLength))),
        FieldKind.Id => Gen.Frequency((3, Named("wrong type", "true", "{}", "[]")), (2, Named("empty", "\"\"", "\" \"")), (1, TooLong(field.MaxLength))),
        FieldKind.Money => Named("out of range or wrong type", "-1", "-0.01", "\"12\"", "true", "{}", "[]", "1e400", "\"NaN\""),
        FieldKind.WholeNumber => Named("out of range or wrong type", "0", "-3", "1.5", "\"1\"", "2147483648", "1e400"),
        FieldKind.Choice => Named("unknown value", "\"nope\"", "\"\"", "3", "[]"),
        FieldKind.DateTime => Named("bad timestamp",
            "\"2025-13-01T00:00:00Z\"", "\"yesterday\"", "\"2025-06-01T08:30:00\"", "\"2025-06-01\"", "1717230000",
            "\"9999-12-31T23:59:59-01:00\"", "\"0001-01-01T00:00:00+01:00\"", "\"2025-02-30T10:00:00Z\"",
            "\"2025-06-01T25:00:00Z\"", "\"2025-06-01T08:30:00+25:00\"", "\"\""),
        FieldKind.Date => Named("bad date", "\"1990-02-30\"", "\"12/04/1990\"", "\"1990-4-1\"", "19900401", "\"\""),
        FieldKind.Code => Named("malformed code", "\"x!\"", "\"far-too-long-code\"", "12", "\"\""),
        FieldKind.Url => Named("bad url", "\"notaurl\"", "\"ftp://files.example/a\"", "\"/relative/path\"", "5"),
        FieldKind.Email => Named("bad e-mail", "\"not-an-email\"", "\"a@\"", "\"@b.c\"", "7"),
        FieldKind.NonEmptyArray => Named("empty or not an array", "[]", "{}", "\"x\"", "3"),
        FieldKind.Array => Named("not an array", "{}", "\"x\"", "3", "true"),
        FieldKind.Members => Named("not an object", "\"x\"", "[]", "5", "true"),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Kind, null),
    };

    private static Gen<(string Json, string Name)> Named(string name, params string[] json) =>
        Gen.OneOf<string>(json).Select(j => (j, name));

    private static Gen<(string Json, string Name)> TooLong(int maxLength) =>
        Gen.Int[maxLength + 1, maxLength + 2000].Select(n => ("\"" + new string('x', n) + "\"", "too long"));
}
