using Microsoft.EntityFrameworkCore;
using Senningen.Core.Consultation.Registry;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Public;

namespace Senningen.Node.Features.Registry.Reference;

internal sealed class ReferencePoliceRecordRegistry(SenningenDbContext db) : IPoliceRecordRegistry
{
    public async Task<IReadOnlyList<PoliceRecord>> ForSubjectAsync(RecordSubject subject, long subjectId, CancellationToken ct)
    {
        var rows = await db.RegistryRecords.AsNoTracking().Where(r => r.Subject == subject && r.SubjectId == subjectId)
            .OrderByDescending(r => r.RecordedOn).ThenByDescending(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(RowMapping.ToRecord)];
    }
}
