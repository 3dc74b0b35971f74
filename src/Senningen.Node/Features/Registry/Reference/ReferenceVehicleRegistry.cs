using Microsoft.EntityFrameworkCore;
using Senningen.Core.Anpr;
using Senningen.Core.Consultation.Registry;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Registry.Data;
using Senningen.Node.Features.Registry.Public;

namespace Senningen.Node.Features.Registry.Reference;

internal sealed class ReferenceVehicleRegistry(SenningenDbContext db) : IVehicleRegistry
{
    public async Task<IReadOnlyList<RegistryVehicle>> FindByPlateAsync(Plate plate, bool tolerateConfusions, CancellationToken ct)
    {
        var (text, key) = (plate.Text, plate.Key.ToString());
        var rows = tolerateConfusions
            ? db.RegistryVehicles.AsNoTracking().Where(v => v.PlateKey == key)
            : db.RegistryVehicles.AsNoTracking().Where(v => v.Plate == text);
        return [.. (await rows.OrderBy(v => v.Id).Take(100).ToListAsync(ct)).Select(RowMapping.ToVehicle)];
    }

    public async Task<RegistryVehicle?> FindByVinAsync(string vin, CancellationToken ct) =>
        await db.RegistryVehicles.AsNoTracking().FirstOrDefaultAsync(v => v.Vin == vin, ct) is { } row ? RowMapping.ToVehicle(row) : null;

    public async Task<IReadOnlyList<RegistryVehicle>> FindByHolderAsync(long personId, CancellationToken ct) =>
        [.. (await db.RegistryVehicles.AsNoTracking().Where(v => v.HolderId == personId).OrderBy(v => v.Id).ToListAsync(ct)).Select(RowMapping.ToVehicle)];
}
