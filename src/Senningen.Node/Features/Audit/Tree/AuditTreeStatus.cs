using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// What the DPO page shows of the tree: the latest signed head, how many entries wait for the sequencer and since when,
/// and, while no head exists, why the former chain was not taken in (read from the log, so every instance shows it).
/// </summary>
public sealed record AuditTreeStatus(SignedTreeHead? Head, long Pending, TimeSpan? OldestPending, string? LegacyBreak);

public sealed class AuditTreeStatusReader(SenningenDbContext db, AuditTree tree, TimeProvider clock)
{
    public async Task<AuditTreeStatus> ReadAsync(CancellationToken ct)
    {
        var head = await tree.LatestHeadAsync(ct);
        var waiting = db.AuditEntries.AsNoTracking().Where(e => e.LeafIndex == null);
        var pending = await waiting.LongCountAsync(ct);
        var oldest = pending == 0 ? null : await waiting.OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefaultAsync(ct);
        var legacyBreak = head is not null ? null
            : await db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.AuditChainBroken).OrderByDescending(e => e.Sequence)
                .Select(e => e.Detail).FirstOrDefaultAsync(ct);
        var age = oldest is { } at ? clock.GetUtcNow() - at : (TimeSpan?)null;
        return new AuditTreeStatus(head, pending, age < TimeSpan.Zero ? TimeSpan.Zero : age, legacyBreak);
    }
}
