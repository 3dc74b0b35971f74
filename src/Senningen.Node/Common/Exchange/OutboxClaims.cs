using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Claims the next deliverable messages for one dispatcher instance: due, not leased by another instance, and the
/// first still queued of their conversation (so a conversation is delivered in order; a parked one holds it too). On PostgreSQL the rows are
/// locked with SKIP LOCKED, so instances sharing the database take disjoint sets without waiting for each other.
/// </summary>
internal static class OutboxClaims
{
    public const int BatchSize = 200;

    public static async Task<List<Data.OutboxMessage>> ClaimAsync(SenningenDbContext db, string instance, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        // On SQLite a read first: an idle dispatcher must not take the write lock on every poll. On PostgreSQL the claim
        // itself is as cheap when nothing is due, and the read was one more round trip per round.
        if (!db.Database.IsNpgsql() && !await db.Outbox.AnyAsync(m => m.Status == Data.OutboxStatus.Queued && m.NextAttemptAt <= now, ct))
        {
            return [];
        }

        // The columns hold Unix milliseconds.
        // The claim hands back the claimed rows themselves: no second query for them.
        var query = db.Outbox.FromSqlRaw(Sql(db), instance, leaseUntil.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), BatchSize);
        List<Data.OutboxMessage> claimed;
        using (await db.EnterWriteAsync(ct))
        {
            claimed = await query.AsNoTracking().ToListAsync(ct);
        }

        // A message leaves the node only once its commit is on disk: the claim committed after it, so this covers it.
        if (claimed.Count > 0)
        {
            await db.WhenDurableAsync();
        }

        return claimed;
    }

    // SKIP LOCKED lets instances sharing PostgreSQL take disjoint rows; SQLite has one writer and no such clause. Urgent
    // first, then by when each became due: the (Status, Priority DESC, NextAttemptAt) index hands the rows over in that
    // order and the scan stops at the batch; ordered by creation, a backlog of thousands was read and sorted on every claim.
    // The NOT EXISTS keeps a conversation in order whatever the priority of its messages.
    private static string Sql(SenningenDbContext db) => $$"""
                UPDATE exchange_outbox SET "ClaimedBy" = {0}, "ClaimedUntilMs" = {1}
                WHERE "Id" IN (
                  SELECT o."Id" FROM exchange_outbox AS o
                  WHERE o."Status" = 0 AND o."NextAttemptAtMs" <= {2} AND (o."ClaimedUntilMs" IS NULL OR o."ClaimedUntilMs" < {2})
                    AND NOT EXISTS (SELECT 1 FROM exchange_outbox AS p
                                    WHERE p."ConversationId" = o."ConversationId" AND p."Status" IN (0, 4) AND p."Sequence" < o."Sequence")
                  ORDER BY o."Priority" DESC, o."NextAttemptAtMs", o."CreatedAtMs" LIMIT {3}
                  {{(db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "")}})
                RETURNING *
                """;
}
