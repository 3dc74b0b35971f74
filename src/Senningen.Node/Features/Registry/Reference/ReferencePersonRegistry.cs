using Microsoft.EntityFrameworkCore;
using Senningen.Core.Consultation.Registry;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Public;

namespace Senningen.Node.Features.Registry.Reference;

/// <summary>The persons of the node's own database (demo, tests, load tests, or a country that loads an extract here).</summary>
internal sealed class ReferencePersonRegistry(SenningenDbContext db) : IPersonRegistry
{
    public async Task<RegistryPerson?> FindAsync(long id, CancellationToken ct) =>
        await db.RegistryPersons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } row ? RowMapping.ToPerson(row) : null;

    public async Task<RegistryPerson?> FindByNationalIdAsync(NationalId nationalId, CancellationToken ct)
    {
        var (digits, country) = (nationalId.Digits, nationalId.Country);
        var row = await db.RegistryPersons.AsNoTracking().FirstOrDefaultAsync(p => p.NationalId == digits && p.Country == country, ct);
        return row is null ? null : RowMapping.ToPerson(row);
    }

    public async Task<PersonCandidates> CandidatesAsync(PersonCandidateQuery query, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        var rows = db.RegistryPersons.AsNoTracking().Where(p => p.SurnameKey == query.SurnameKey);
        if (query.BirthYear is { } year)
        {
            rows = rows.Where(p => p.BirthYear == year);
        }

        // One more than asked tells a full answer from a cut one without counting.
        var found = await rows.OrderBy(p => p.Id).Take(query.Limit + 1).ToListAsync(ct);
        var truncated = found.Count > query.Limit;
        return new PersonCandidates([.. found.Take(query.Limit).Select(RowMapping.ToPerson)], truncated);
    }
}
