using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Senningen.Node.Common.Persistence;

/// <summary>
/// One parameterised statement run once per row, in the save's transaction, answering how many rows each run touched.
/// On PostgreSQL the runs travel as one <see cref="DbBatch"/>: a round of a few hundred messages is one round trip,
/// not a few hundred, each of which waits for a busy server and a busy thread pool in turn (measured with two
/// instances per node: the per-row round trips, not the statements, held the exchange to a third of SQLite's
/// throughput). SQLite is in-process and has no batch: one prepared command runs per row.
/// </summary>
internal static class RowStatement
{
    /// <param name="names">The statement's parameter names, in the order <paramref name="values"/> gives them.</param>
    /// <param name="values">One row's parameter values (<c>null</c> for SQL NULL).</param>
    /// <returns>The rows each run touched, in the order of <paramref name="rows"/>.</returns>
    public static async Task<int[]> RunAsync<T>(SenningenDbContext db, string sql, IReadOnlyList<string> names, IReadOnlyList<T> rows,
        Func<T, object?[]> values, CancellationToken ct)
    {
        var touched = new int[rows.Count];
        if (rows.Count == 0)
        {
            return touched;
        }

        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsNpgsql() && connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
#pragma warning disable CA2100 // Callers pass constant SQL; values travel as parameters.
                command.CommandText = sql;
#pragma warning restore CA2100
                Bind(names, values(row), command.CreateParameter, command.Parameters);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(ct);
            for (var i = 0; i < rows.Count; i++)
            {
                touched[i] = batch.BatchCommands[i].RecordsAffected;
            }

            return touched;
        }

        await using var single = db.CreateCommand(sql);
        var parameters = names.Select(name => single.Add(name, null)).ToArray();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = values(rows[i]);
            for (var p = 0; p < parameters.Length; p++)
            {
                parameters[p].Value = row[p] ?? DBNull.Value;
            }

            touched[i] = await single.ExecuteNonQueryAsync(ct);
        }

        return touched;
    }

    private static void Bind(IReadOnlyList<string> names, object?[] row, Func<DbParameter> create, DbParameterCollection into)
    {
        if (row.Length != names.Count)
        {
            throw new ArgumentException($"A row gives {row.Length} values for {names.Count} parameters.", nameof(row));
        }

        for (var p = 0; p < names.Count; p++)
        {
            var parameter = create();
            parameter.ParameterName = names[p];
            parameter.Value = row[p] ?? DBNull.Value;
            into.Add(parameter);
        }
    }
}
