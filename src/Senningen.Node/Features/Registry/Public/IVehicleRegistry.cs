using Senningen.Core.Anpr;
using Senningen.Core.Consultation.Registry;

namespace Senningen.Node.Features.Registry.Public;

/// <summary>A country's vehicle registration register (DIV in Belgium, RDW in the Netherlands, SNCA in Luxembourg).</summary>
public interface IVehicleRegistry
{
    /// <summary>
    /// By plate: exactly as normalised, or, with <paramref name="tolerateConfusions"/>, every plate sharing its
    /// OCR-canonical key (0/O/D/Q, 1/I, 2/Z, 5/S, 8/B, 6/G), as a camera or a hurried officer may read it.
    /// </summary>
    Task<IReadOnlyList<RegistryVehicle>> FindByPlateAsync(Plate plate, bool tolerateConfusions, CancellationToken ct);

    /// <param name="vin">Normalised by <see cref="Vin.Normalise"/>.</param>
    Task<RegistryVehicle?> FindByVinAsync(string vin, CancellationToken ct);

    Task<IReadOnlyList<RegistryVehicle>> FindByHolderAsync(long personId, CancellationToken ct);
}
