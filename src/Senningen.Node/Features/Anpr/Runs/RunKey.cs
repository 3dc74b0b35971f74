using System.Data.Common;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Anpr.Runs;

/// <summary>
/// A position in a run's key order (term, time, read id): where a slice of a merge, deletion or purge ends. Slices
/// are bounded by keys rather than counted with OFFSET from the run's start, so walking a run costs its size once.
/// </summary>
internal sealed record RunKey(string Term, long Observed, long Read)
{
    /// <summary>Before every entry (terms start with a letter).</summary>
    public static readonly RunKey Start = new("", long.MinValue, long.MinValue);

    private const string SliceEnd = """
        SELECT "Term", "ObservedAtMs", "ReadId" FROM anpr_read_terms WHERE "Run" = @run AND ("Term", "ObservedAtMs", "ReadId") > (@aT, @aO, @aR)
        ORDER BY "Term", "ObservedAtMs", "ReadId" LIMIT 1 OFFSET @skip
        """;

    public static RunKey From(DbDataReader reader) => new(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));

    /// <summary>Binds the key as <c>@{prefix}T</c>, <c>@{prefix}O</c> and <c>@{prefix}R</c>.</summary>
    public void Bind(DbCommand command, string prefix)
    {
        command.Add($"@{prefix}T", Term);
        command.Add($"@{prefix}O", Observed);
        command.Add($"@{prefix}R", Read);
    }

    /// <summary>The key <paramref name="slice"/> entries after <paramref name="after"/> in the run, or null when fewer are left.</summary>
    public static async Task<RunKey?> SliceEndAsync(SenningenDbContext db, DbTransaction? transaction, long run, RunKey after, int slice,
        CancellationToken ct)
    {
        await using var command = db.CreateCommand(SliceEnd);
        command.Transaction = transaction ?? command.Transaction;
        command.Add("@run", run);
        after.Bind(command, "a");
        command.Add("@skip", slice - 1);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? From(reader) : null;
    }
}
