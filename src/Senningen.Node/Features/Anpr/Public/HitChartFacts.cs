using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Public;

/// <summary>When the hits this node holds (its own cameras' and the partners') were observed, for the desk's dashboard. Instants only.</summary>
internal sealed class HitChartFacts(SenningenDbContext db)
{
    public async Task<IReadOnlyList<DateTimeOffset>> ObservedSinceAsync(DateTimeOffset from, CancellationToken ct) =>
        await db.AnprHits.AsNoTracking().Where(h => h.ObservedAt >= from).Select(h => h.ObservedAt).ToListAsync(ct);
}
