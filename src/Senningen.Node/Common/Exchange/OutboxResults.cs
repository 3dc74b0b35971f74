using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Stores a round's delivery outcomes with one UPDATE per message (<see cref="RowStatement"/>: one round trip on
/// PostgreSQL): the dispatcher reads its messages untracked, so a round of a few hundred costs no change tracking, only
/// the rows. Each UPDATE applies only where this instance still claims the message; a claim taken over meanwhile
/// (<see cref="ClaimSweeper"/>) throws <see cref="ClaimLostException"/> and the save commits nothing, so a stale outcome
/// never overwrites the new claimant's.
/// </summary>
internal static class OutboxResults
{
    private const string Sql = """
        UPDATE exchange_outbox SET "Status" = @status, "Attempts" = @attempts, "Refusals" = @refusals, "NextAttemptAtMs" = @next, "LastAttemptAtMs" = @last,
          "LastError" = @error, "Receipt" = @receipt, "CompletedAtMs" = @completed, "ClaimedBy" = NULL, "ClaimedUntilMs" = NULL
        WHERE "Id" = @id AND "ClaimedBy" = @me AND "Status" = 0
        """;

    private static readonly string[] Names = ["@status", "@attempts", "@refusals", "@next", "@last", "@error", "@receipt", "@completed", "@id", "@me"];

    public static Task<int> WriteAsync(SenningenDbContext db, IReadOnlyList<OutboxMessage> messages, string instance, CancellationToken ct) =>
        ClaimedRows.WriteEachAsync(db, Sql, Names, messages, m => m.Id, m =>
        [
            (int)m.Status, m.Attempts, m.Refusals, m.NextAttemptAt.ToUnixTimeMilliseconds(), m.LastAttemptAt?.ToUnixTimeMilliseconds(), m.LastError,
            m.Receipt, m.CompletedAt?.ToUnixTimeMilliseconds(), m.Id, instance,
        ], ct);
}
