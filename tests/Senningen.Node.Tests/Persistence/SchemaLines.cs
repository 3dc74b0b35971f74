using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Senningen.Node.Tests.Persistence;

/// <summary>
/// A schema as sorted lines, one per column, key, index and foreign key ("anpr_hits index IX_anpr_hits_ReceivedAtMs
/// (ReceivedAtMs)"), read from the EF model or from a database, so that two schemas differ by the lines a test can name.
/// SQLite keeps no names for keys, so there they are compared by their columns.
/// </summary>
internal static class SchemaLines
{
    public static List<string> OfModel(DbContext db, bool namedKeys)
    {
        var lines = new List<string>();
        foreach (var table in db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
        {
            var t = table.Name;
            lines.AddRange(table.Columns.Select(c => Column(t, c.Name, c.StoreType, c.IsNullable)));
            lines.AddRange(table.UniqueConstraints.Select(k => Key(t, k.GetIsPrimaryKey() ? "key" : "unique", namedKeys ? k.Name : null, Names(k.Columns))));
            lines.AddRange(table.Indexes.Select(i => Index(t, i.Name, i.IsUnique, Names(i.Columns))));
            lines.AddRange(table.ForeignKeyConstraints.Select(f => ForeignKey(t, namedKeys ? f.Name : null, Names(f.Columns), f.PrincipalTable.Name,
                Names(f.PrincipalColumns), OnDelete(f.OnDeleteAction))));
        }

        return Sorted(lines);
    }

    /// <summary>Every table but EF's own history and lock tables.</summary>
    public static async Task<List<string>> OfSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await ReadAsync(connection, """
            SELECT name, sql LIKE '%WITHOUT ROWID%' FROM sqlite_master
            WHERE type = 'table' AND name NOT LIKE 'sqlite~_%' ESCAPE '~' AND name NOT LIKE '~_~_EFMigrations%' ESCAPE '~'
            """, null, r => (Name: r.GetString(0), WithoutRowId: r.GetBoolean(1)));
        foreach (var (t, withoutRowId) in tables)
        {
            var columns = await ReadAsync(connection, """SELECT name, type, "notnull", pk FROM pragma_table_info(@t)""", t,
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetBoolean(2), Pk: r.GetInt32(3)));
            lines.AddRange(columns.Select(c => Column(t, c.Name, c.Type, !c.NotNull)));
            lines.Add(Key(t, "key", null, string.Join(',', columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name))));
            var indexes = await ReadAsync(connection, """SELECT name, "unique", origin FROM pragma_index_list(@t) WHERE origin <> 'pk'""", t,
                r => (Name: r.GetString(0), Unique: r.GetBoolean(1), Origin: r.GetString(2)));
            foreach (var (name, unique, origin) in indexes)
            {
                var on = string.Join(',', await ReadAsync(connection, "SELECT name FROM pragma_index_info(@t) ORDER BY seqno", name, r => r.GetString(0)));
                lines.Add(origin == "u" ? Key(t, "unique", null, on) : Index(t, name, unique, on));
            }

            var keys = await ReadAsync(connection, """SELECT id, "table", "from", "to", on_delete FROM pragma_foreign_key_list(@t) ORDER BY id, seq""", t,
                r => (Id: r.GetInt32(0), Principal: r.GetString(1), From: r.GetString(2), To: r.GetString(3), OnDelete: r.GetString(4)));
            lines.AddRange(keys.GroupBy(k => k.Id).Select(k => ForeignKey(t, null, string.Join(',', k.Select(c => c.From)), k.First().Principal,
                string.Join(',', k.Select(c => c.To)), k.First().OnDelete)));
            if (withoutRowId)
            {
                lines.Add($"{t} without rowid");
            }
        }

        return Sorted(lines);
    }

    /// <summary>Every table of the public schema but EF's history table and the partitions of partitioned tables.</summary>
    public static async Task<List<string>> OfPostgresAsync(DbConnection connection)
    {
        const string InTable = "c.relname = @t AND c.relnamespace = 'public'::regnamespace";
        var lines = new List<string>();
        var tables = await ReadAsync(connection, """
            SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND NOT relispartition
            AND relname <> '__EFMigrationsHistory'
            """, null, r => r.GetString(0));
        foreach (var t in tables)
        {
            var columns = await ReadAsync(connection, $"""
                SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
                WHERE {InTable} AND a.attnum > 0 AND NOT a.attisdropped
                """, t, r => Column(t, r.GetString(0), r.GetString(1), !r.GetBoolean(2)));
            var constraints = await ReadAsync(connection, $"""
                SELECT con.contype::text, con.conname, {NamesOf("con.conkey", "con.conrelid")},
                       p.relname, {NamesOf("con.confkey", "con.confrelid")}, con.confdeltype::text
                FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid LEFT JOIN pg_class p ON p.oid = con.confrelid
                WHERE {InTable} AND con.contype IN ('p', 'u', 'f')
                """, t, r => r.GetString(0) switch
            {
                "p" => Key(t, "key", r.GetString(1), r.GetString(2)),
                "u" => Key(t, "unique", r.GetString(1), r.GetString(2)),
                _ => ForeignKey(t, r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), OnDelete(r.GetString(5))),
            });
            // Indexes that back no key (those are lines of their own above).
            var indexes = await ReadAsync(connection, $"""
                SELECT i.relname, x.indisunique, {NamesOf("x.indkey::int2[]", "x.indrelid")}
                FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid
                WHERE {InTable} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid)
                """, t, r => Index(t, r.GetString(0), r.GetBoolean(1), r.GetString(2)));
            lines.AddRange([.. columns, .. constraints, .. indexes]);
        }

        return Sorted(lines);
    }

    /// <summary>SQL for the comma-separated names of the columns numbered by an array of attribute numbers.</summary>
    private static string NamesOf(string numbers, string relation) => $"""
        (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest({numbers}) WITH ORDINALITY k(num, ord)
         JOIN pg_attribute a ON a.attrelid = {relation} AND a.attnum = k.num)
        """;

    public static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, string? table, Func<DbDataReader, T> row)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this file's constant text; the one name travels as a parameter.
        command.CommandText = sql;
#pragma warning restore CA2100
        if (table is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "t";
            parameter.Value = table;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private static string Column(string table, string name, string type, bool nullable) => $"{table} column {name} {type} {(nullable ? "NULL" : "NOT NULL")}";

    private static string Key(string table, string kind, string? name, string columns) => $"{table} {kind} {name}({columns})";

    private static string Index(string table, string name, bool unique, string columns) => $"{table} {(unique ? "unique index" : "index")} {name}({columns})";

    private static string ForeignKey(string table, string? name, string columns, string principal, string principalColumns, string onDelete) =>
        $"{table} foreign key {name}({columns}) references {principal}({principalColumns}) on delete {onDelete}";

    private static string Names(IEnumerable<IColumn> columns) => string.Join(',', columns.Select(c => c.Name));

    private static string OnDelete(ReferentialAction action) => action switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static string OnDelete(string confdeltype) => confdeltype switch
    {
        "c" => "CASCADE",
        "r" => "RESTRICT",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => "NO ACTION",
    };

    private static List<string> Sorted(List<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}
