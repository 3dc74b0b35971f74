using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Claims the next handleable inbox messages for one instance: due, not leased by another instance, and the first
/// unhandled of their conversation (one waiting or parked holds the later ones back; one handled or dropped does not). SKIP LOCKED on PostgreSQL keeps instances from waiting on each other.
/// </summary>
internal static class InboxClaims
{
    public const int BatchSize = 200;

    public static async Task<List<Data.InboxMessage>> ClaimAsync(SenningenDbContext db, string instance, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        // On SQLite a read first: an idle processor must not take the write lock on every poll. On PostgreSQL the claim
        // itself is as cheap when nothing is due, and the read was one more round trip per round.
        if (!db.Database.IsNpgsql() && !await db.Inbox.AnyAsync(m => m.Status == Data.InboxStatus.Accepted && m.NextHandleAt <= now, ct))
        {
            return [];
        }

        // The columns hold Unix milliseconds.
        // The claim hands back the claimed rows themselves: no second query for them.
        var query = db.Inbox.FromSqlRaw(Sql(db), instance, leaseUntil.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), BatchSize);
        using var gate = await db.EnterWriteAsync(ct);
        return await query.AsNoTracking().ToListAsync(ct);
    }

    // SKIP LOCKED lets instances sharing PostgreSQL take disjoint rows; SQLite has one writer and no such clause. Urgent
    // first, then by when each became due: the (Status, Priority DESC, NextHandleAt) index hands the rows over in that
    // order and the scan stops at the batch; ordered by arrival, a backlog of thousands was read and sorted on every claim.
    private static string Sql(SenningenDbContext db) => $$"""
                UPDATE exchange_inbox SET "ClaimedBy" = {0}, "ClaimedUntilMs" = {1}
                WHERE "Id" IN (
                  SELECT m."Id" FROM exchange_inbox AS m
                  WHERE m."Status" = 0 AND m."NextHandleAtMs" <= {2} AND (m."ClaimedUntilMs" IS NULL OR m."ClaimedUntilMs" < {2})
                    AND NOT EXISTS (SELECT 1 FROM exchange_inbox AS p
                                    WHERE p."Sender" = m."Sender" AND p."ConversationId" = m."ConversationId"
                                      AND p."Sequence" < m."Sequence" AND p."Status" IN (0, 2))
                  ORDER BY m."Priority" DESC, m."NextHandleAtMs", m."ReceivedAtMs", m."Sequence" LIMIT {3}
                  {{(db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "")}})
                RETURNING *
                """;
}
