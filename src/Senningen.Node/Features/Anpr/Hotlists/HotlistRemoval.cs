using Microsoft.EntityFrameworkCore;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hotlists;

/// <summary>Removes a hotlist entry in one audited save that bumps the hotlist version; matching stops at once on this instance.</summary>
internal sealed class HotlistRemoval(SenningenDbContext db, LiveHotlist hotlist, AuditLog audit, CurrentOfficer officer)
{
    /// <returns>False when there is no such entry.</returns>
    public async Task<bool> RemoveAsync(Guid id, CancellationToken ct)
    {
        var row = await db.AnprHotlist.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (row is null)
        {
            return false;
        }

        db.AnprHotlist.Remove(row);
        audit.Add(new AuditRecord(AuditActions.AnprHotlistDeleted, AuditOutcomes.Success, [$"hotlist:{row.Id}"],
            Detail: $"{AnprNames.Of(row.Category)} of {row.Owner}"), officer.Actor);
        await db.SaveChangesAsync(token => LiveHotlist.BumpVersionAsync(db, token), ct);
        hotlist.Apply([], [row.Id]);
        return true;
    }
}
