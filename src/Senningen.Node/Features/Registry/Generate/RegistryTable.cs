using NpgsqlTypes;

namespace Senningen.Node.Features.Registry.Generate;

/// <summary>
/// One registry table as the bulk writer sees it: its columns with their PostgreSQL types, and how a row fills the
/// values in column order. One description serves the SQLite INSERT and the PostgreSQL COPY, so they cannot drift.
/// </summary>
internal sealed class RegistryTable<TRow>(string name, (string Column, NpgsqlDbType Type)[] columns, Action<TRow, object?[]> fill)
{
    public string Name { get; } = name;

    public (string Column, NpgsqlDbType Type)[] Columns { get; } = columns;

    public void Fill(TRow row, object?[] values) => fill(row, values);

    public string InsertSql =>
        $"INSERT INTO {Name} ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";

    public string CopySql => $"COPY {Name} ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";
}
