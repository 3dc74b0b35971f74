using Microsoft.EntityFrameworkCore;
using Senningen.Core.Consultation;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Consultation.Data;

namespace Senningen.Node.Features.Consultation.Public;

/// <summary>The context of each consultation this node's officers started since an instant, by its wire name, for the desk's dashboard.</summary>
internal sealed class ConsultationChartFacts(SenningenDbContext db)
{
    public async Task<IReadOnlyList<string>> ContextsSinceAsync(DateTimeOffset from, CancellationToken ct) =>
        [.. (await db.ConsultationSearches.AsNoTracking().Where(s => s.StartedAt >= from).Select(s => s.Context).ToListAsync(ct))
            .Select(ConsultationContexts.NameOf)];
}
