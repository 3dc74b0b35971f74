using System.Data.Common;
using System.Text;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// Writes rows with one INSERT per <c>perStatement</c> rows instead of one per row, for SQLite hot paths inside a save
/// (<see cref="SenningenDbContext.SaveChangesAsync(Func{CancellationToken, Task{int}}, CancellationToken)"/>): with no
/// index to update, the cost of a row is mostly the statement around it (bind, step, reset), so fewer statements
/// write the same rows in about half the time. The full-size statement is prepared once and reused for the batch.
/// </summary>
internal static class MultiRowInsert
{
    /// <param name="table">A table name from code, never from input.</param>
    /// <param name="columns">Column names from code; <paramref name="value"/> gives column <c>c</c> of a row.</param>
    public static async Task<int> InsertAsync<T>(SenningenDbContext db, string table, string[] columns, IReadOnlyList<T> rows,
        Func<T, int, object?> value, int perStatement, CancellationToken ct)
    {
        var written = 0;
        DbCommand? full = null;
        try
        {
            for (var start = 0; start < rows.Count; start += perStatement)
            {
                var n = Math.Min(perStatement, rows.Count - start);
                var command = n == perStatement ? full ??= Create(db, table, columns, n) : Create(db, table, columns, n);
                try
                {
                    var p = 0;
                    for (var r = start; r < start + n; r++)
                    {
                        for (var c = 0; c < columns.Length; c++)
                        {
                            command.Parameters[p++].Value = value(rows[r], c) ?? DBNull.Value;
                        }
                    }

                    written += await command.ExecuteNonQueryAsync(ct);
                }
                finally
                {
                    if (!ReferenceEquals(command, full))
                    {
                        await command.DisposeAsync();
                    }
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return written;
    }

    private static DbCommand Create(SenningenDbContext db, string table, string[] columns, int rows)
    {
        var sql = new StringBuilder("INSERT INTO ").Append(table).Append(" (\"").AppendJoin("\", \"", columns).Append("\") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Length; c++)
            {
                sql.Append(c == 0 ? "@p" : ", @p").Append((r * columns.Length) + c);
            }

            sql.Append(')');
        }

        var command = db.CreateCommand(sql.ToString());
        for (var p = 0; p < rows * columns.Length; p++)
        {
            command.Add("@p" + p.ToString(System.Globalization.CultureInfo.InvariantCulture), null);
        }

        return command;
    }
}
