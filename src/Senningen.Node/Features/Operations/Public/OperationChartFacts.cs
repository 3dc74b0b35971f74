using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;

namespace Senningen.Node.Features.Operations.Public;

/// <summary>
/// The border sections of crossings and alerts since an instant, for the desk's dashboard: this node's own units crossing
/// into a partner's zone, and partners' operations alerting in this node's zones. Zone ids only, no units or suspects.
/// </summary>
internal sealed class OperationChartFacts(SenningenDbContext db)
{
    public async Task<IReadOnlyList<string>> CrossingZonesSinceAsync(DateTimeOffset from, CancellationToken ct) =>
        await db.OperationCrossings.AsNoTracking().Where(c => c.At >= from && c.ToZone != null).Select(c => c.ToZone!).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> AlertZonesSinceAsync(DateTimeOffset from, CancellationToken ct) =>
        await db.Alerts.AsNoTracking().Where(a => a.ReceivedAt >= from).Select(a => a.Zone).ToListAsync(ct);
}
