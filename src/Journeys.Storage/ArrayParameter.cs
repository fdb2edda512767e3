using Npgsql;
using NpgsqlTypes;

namespace Journeys.Storage;

/// <summary>One column of a multi-row statement (<c>unnest(@a, @b, ...)</c>) as a PostgreSQL array parameter.</summary>
internal static class ArrayParameter
{
    public static NpgsqlParameter Of<TRow, T>(string name, NpgsqlDbType type, IEnumerable<TRow> rows, Func<TRow, T> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = rows.Select(value).ToArray() };
}
