using Microsoft.EntityFrameworkCore;
using Senningen.Core.Consultation.Names;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Public;

namespace Senningen.Node.Features.Registry.Reference;

/// <summary>
/// The reference adapter's persons in Core's <see cref="PersonIndex"/>, built on first use and again when the register
/// changed (its count or highest id moved, as a registry load does). The register is looked at no more than every
/// <see cref="Recheck"/>: counting a million rows on every answer would cost more than the answer. A country answering
/// from its own system would score the candidates that system returns instead (ADR 0013).
/// </summary>
internal sealed class RegistryPersonIndex(TimeProvider clock) : IDisposable
{
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _building = new(1, 1);
    private (long Count, long MaxId, PersonIndex Index)? _current;
    private long _checkedAt = long.MinValue;

    public async Task<PersonIndex> CurrentAsync(SenningenDbContext db, CancellationToken ct)
    {
        var now = clock.GetTimestamp();
        if (_current is { } fresh && clock.GetElapsedTime(Volatile.Read(ref _checkedAt), now) < Recheck)
        {
            return fresh.Index;
        }

        var count = await db.RegistryPersons.LongCountAsync(ct);
        var maxId = count == 0 ? 0 : await db.RegistryPersons.MaxAsync(p => p.Id, ct);
        if (_current is { } ready && ready.Count == count && ready.MaxId == maxId)
        {
            Volatile.Write(ref _checkedAt, now);
            return ready.Index;
        }

        await _building.WaitAsync(ct);
        try
        {
            if (_current is { } built && built.Count == count && built.MaxId == maxId)
            {
                return built.Index;
            }

            var rows = await db.RegistryPersons.AsNoTracking().ToListAsync(ct);
            var index = PersonIndex.Build(rows.Select(ToRecord));
            _current = (count, maxId, index);
            Volatile.Write(ref _checkedAt, now);
            return index;
        }
        finally
        {
            _building.Release();
        }
    }

    public void Dispose() => _building.Dispose();

    public static PersonRecord ToRecord(StoredPerson row) => new(row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new PersonParticulars
    {
        Surname = row.Surname,
        GivenNames = row.GivenNames,
        BirthDate = BirthDate.From(row.BirthDate.Year, row.BirthDate.Month, row.BirthDate.Day),
        Sex = row.Sex switch { Core.Consultation.Registry.Sex.Female => Sex.Female, Core.Consultation.Registry.Sex.Male => Sex.Male, _ => Sex.Unknown },
        Postcode = row.Postcode,
        Municipality = row.Municipality,
        Street = row.Street,
        HouseNumber = row.HouseNumber,
        OtherId = row.NationalId,
    });
}

/// <summary>The published <see cref="IPersonIndex"/>: the node's one index, read through the caller's unit of work.</summary>
internal sealed class ReferencePersonIndex(SenningenDbContext db, RegistryPersonIndex index) : IPersonIndex
{
    public Task<PersonIndex> CurrentAsync(CancellationToken ct) => index.CurrentAsync(db, ct);
}
