using System.Text;
using CsCheck;

namespace Journeys.EndToEnd.Tests.BadInput;

/// <summary>Byte-level damage to a JSON body (broken syntax, broken UTF-8, nesting), named for the report.</summary>
public static class RawBodies
{
    public sealed record Damage(string Name, Func<byte[], byte[]> Apply);

    public static Gen<Damage> BrokenSyntax { get; } = Gen.OneOf(
        Gen.Double[0, 0.999].Select(f => new Damage("truncated", b => b[..(int)(f * b.Length)])),
        Gen.OneOf<string>("}", ",", "]", "x", "{", "\"").Select(tail => new Damage("trailing garbage", b => [.. b, .. Utf8(tail)])),
        Gen.Const(new Damage("single quotes", b => Utf8(Encoding.UTF8.GetString(b).Replace('"', '\'')))),
        Gen.Const(new Damage("comment", b => [.. Utf8("/* comment */"), .. b])),
        Gen.OneOf<string>("NaN", "undefined", "{\"a\":01}", "{\"a\":.5}", "{\"a\" 1}", "{a:1}", "").Select(text => new Damage("not JSON", _ => Utf8(text))));

    /// <summary>Invalid UTF-8 bytes put just after one of the body's quotes.</summary>
    public static Gen<Damage> BrokenUtf8 { get; } = Gen.Select(
        Gen.Double[0, 0.999],
        Gen.OneOf<byte[]>([0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80]),
        (f, bad) => new Damage("invalid UTF-8", b =>
        {
            var quotes = Enumerable.Range(0, b.Length).Where(i => b[i] == (byte)'"').ToArray();
            var at = quotes[(int)(f * quotes.Length)];
            return [.. b[..(at + 1)], .. bad, .. b[(at + 1)..]];
        }));

    /// <summary>Escapes that are valid JSON but no valid Unicode text: lone surrogates.</summary>
    public static Gen<string> LoneSurrogate { get; } = Gen.OneOf<string>("\\ud800", "\\udfff", "a\\ud83d", "\\ude00b");

    /// <summary>Replaces the JSON string <paramref name="placeholder"/> with <paramref name="json"/> verbatim.</summary>
    public static byte[] Splice(byte[] body, string placeholder, string json) =>
        Utf8(Encoding.UTF8.GetString(body).Replace("\"" + placeholder + "\"", json, StringComparison.Ordinal));

    public static string Nested(int depth) => new string('[', depth) + "\"bottom\"" + new string(']', depth);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
