using Microsoft.EntityFrameworkCore;
using Senningen.Core.Consultation.Registry;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Public;

namespace Senningen.Node.Features.Registry.Reference;

internal sealed class ReferenceDocumentRegistry(SenningenDbContext db) : IDocumentRegistry
{
    public async Task<IReadOnlyList<IdentityDocument>> FindByNumberAsync(string number, CancellationToken ct) =>
        [.. (await db.RegistryDocuments.AsNoTracking().Where(d => d.Number == number).OrderBy(d => d.Id).ToListAsync(ct)).Select(RowMapping.ToDocument)];

    public async Task<IReadOnlyList<IdentityDocument>> FindByHolderAsync(long personId, CancellationToken ct) =>
        [.. (await db.RegistryDocuments.AsNoTracking().Where(d => d.HolderId == personId).OrderBy(d => d.Id).ToListAsync(ct)).Select(RowMapping.ToDocument)];
}
