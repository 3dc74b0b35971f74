using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>
/// Adds a batch's entries to the open run, in the save's transaction (the write gate is held): entries sorted so the
/// open run's few pages take them in order. Seals the open run once it holds <see cref="AnprSettings.RunReads"/> reads
/// and opens the next, then wakes the merge worker.
/// </summary>
internal sealed class RunAppender(AnprSettings settings, RunSignal signal)
{
    private const string OpenRun = """SELECT "Id", "Entries" FROM anpr_read_runs WHERE "State" = 0 ORDER BY "Id" DESC LIMIT 1""";
    private const string Seal = """UPDATE anpr_read_runs SET "State" = 1 WHERE "Id" = @id""";
    private const string NewRun = """
        INSERT INTO anpr_read_runs ("State", "Entries", "FromMs", "ToMs") VALUES (0, 0, @from, @to) RETURNING "Id"
        """;
    private const string Grow = """
        UPDATE anpr_read_runs SET "Entries" = "Entries" + @n, "FromMs" = min("FromMs", @from), "ToMs" = max("ToMs", @to) WHERE "Id" = @id
        """;
    private const string Insert = """INSERT INTO anpr_read_terms ("Run", "Term", "ObservedAtMs", "ReadId") VALUES (?, ?, ?, ?)""";

    /// <param name="rows">Reads already inserted, their ids set.</param>
    public async Task AppendAsync(SenningenDbContext db, IReadOnlyList<StoredRead> rows, CancellationToken ct)
    {
        var terms = new List<(string Term, long Observed, long Read)>(rows.Count * 2);
        long from = long.MaxValue, to = long.MinValue;
        foreach (var row in rows)
        {
            var observed = row.ObservedAt.ToUnixTimeMilliseconds();
            terms.Add((ReadRuns.PlateTerm(row.CanonicalKey), observed, row.Id));
            terms.Add((ReadRuns.CameraTerm(row.CameraId), observed, row.Id));
            from = Math.Min(from, observed);
            to = Math.Max(to, observed);
        }

        terms.Sort(static (a, b) => a.Term != b.Term ? string.CompareOrdinal(a.Term, b.Term)
            : a.Observed != b.Observed ? a.Observed.CompareTo(b.Observed) : a.Read.CompareTo(b.Read));
        var run = await OpenRunAsync(db, from, to, ct);
        using (var insert = new SqliteRowWriter(db.Database.GetDbConnection(), Insert))
        {
            foreach (var (term, observed, read) in terms)
            {
                insert.Bind(1, run);
                insert.Bind(2, term);
                insert.Bind(3, observed);
                insert.Bind(4, read);
                insert.Step();
            }
        }

        await using var grow = db.CreateCommand(Grow);
        grow.Add("@n", terms.Count);
        grow.Add("@from", from);
        grow.Add("@to", to);
        grow.Add("@id", run);
        await grow.ExecuteOneAsync(ct);
    }

    private async Task<long> OpenRunAsync(SenningenDbContext db, long from, long to, CancellationToken ct)
    {
        long? open = null;
        long entries = 0;
        await using (var find = db.CreateCommand(OpenRun))
        await using (var reader = await find.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct))
            {
                open = reader.GetInt64(0);
                entries = reader.GetInt64(1);
            }
        }

        if (open is { } id && entries < 2L * settings.RunReads)
        {
            return id;
        }

        if (open is { } full)
        {
            await using var seal = db.CreateCommand(Seal);
            seal.Add("@id", full);
            await seal.ExecuteOneAsync(ct);
            signal.Sealed();
        }

        await using var create = db.CreateCommand(NewRun);
        create.Add("@from", from);
        create.Add("@to", to);
        return (long)(await create.ExecuteScalarAsync(ct) ?? throw new InvalidOperationException("No id for the new run."));
    }
}
