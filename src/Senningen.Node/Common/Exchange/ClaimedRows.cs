using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>Runs an UPDATE conditional on the claim for each message (<see cref="RowStatement"/>), and throws if any claim was lost.</summary>
internal static class ClaimedRows
{
    /// <param name="id">The message id of an item.</param>
    /// <param name="values">An item's parameter values, in the order of <paramref name="names"/>.</param>
    public static async Task<int> WriteEachAsync<T>(SenningenDbContext db, string sql, IReadOnlyList<string> names, IReadOnlyList<T> items,
        Func<T, Guid> id, Func<T, object?[]> values, CancellationToken ct)
    {
        var touched = await RowStatement.RunAsync(db, sql, names, items, values, ct);
        var lost = items.Where((_, i) => touched[i] != 1).Select(id).ToList();

        // Thrown inside the save's transaction, which then commits nothing of this round.
        return lost.Count == 0 ? items.Count : throw new ClaimLostException(lost);
    }
}
