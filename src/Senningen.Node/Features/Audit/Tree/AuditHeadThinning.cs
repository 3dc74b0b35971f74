using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Audit.Data;
using Senningen.Node.Features.Audit.Witness.Data;

namespace Senningen.Node.Features.Audit.Tree;

/// <summary>
/// Removes superseded signed heads of this node's own log. The sequencer signs a head per integration, up to about ten
/// a second under load, and each later head vouches for everything an earlier one did (the tree only grows, and a
/// consistency proof between any two sizes is made from the stored nodes, not from heads). Kept: every head of the last
/// <see cref="AuditTreeSettings.KeepEveryHeadFor"/>, the latest, the first of every hour (so the log's verification
/// can still name the hour where it fails), and every head a partner confirmed (the partner holds it; our copy
/// is the one we compare with). Removal never touches entries, leaves or tree nodes.
/// </summary>
internal static class AuditHeadThinning
{
    /// <summary>Bounds one pass; a backlog is thinned over several.</summary>
    public const int Chunk = 10_000;

    private const long HourMs = 3_600_000;

    /// <returns>How many heads were removed.</returns>
    public static async Task<int> ThinAsync(SenningenDbContext db, AuditLog audit, Actor actor, DateTimeOffset now, TimeSpan keepEvery,
        CancellationToken ct)
    {
        var cutoff = (now - keepEvery).ToUnixTimeMilliseconds();
        var heads = db.AuditTreeHeads;
        var hourly = heads.GroupBy(h => h.TimestampUnixMs / HourMs).Select(g => g.Min(h => h.Size));
        var confirmed = db.HeadConfirmations.Select(c => c.Size);
        var latest = heads.Max(h => (long?)h.Size);
        var sizes = await heads.Where(h => h.TimestampUnixMs < cutoff && h.Size < latest && !hourly.Contains(h.Size) && !confirmed.Contains(h.Size))
            .OrderBy(h => h.Size).Select(h => h.Size).Take(Chunk).ToListAsync(ct);
        if (sizes.Count == 0)
        {
            return 0;
        }

        // The removal and its audit entry commit in one save: a pass that dies in between leaves both undone.
        audit.Add(new AuditRecord(AuditActions.AuditHeadsThinned, AuditOutcomes.Success, Records: [],
            Detail: $"{sizes.Count} superseded tree heads of sizes {sizes[0]}–{sizes[^1]} signed before " +
                    $"{DateTimeOffset.FromUnixTimeMilliseconds(cutoff):u}; kept: the latest, the first of every hour, those partners confirmed"), actor);
        var removed = 0;
        await db.SaveChangesAsync(async token => removed = await heads.Where(h => sizes.Contains(h.Size)).ExecuteDeleteAsync(token), ct);
        return removed;
    }
}
