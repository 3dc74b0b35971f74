using Senningen.Core.Consultation.Registry;
using Senningen.Core.Countries;

namespace Senningen.Node.Features.Registry.Data;

/// <summary>A registered vehicle: found by plate (as normalised, or by its OCR-canonical key), VIN or holder.</summary>
public sealed class StoredVehicle
{
    public long Id { get; set; }

    public string Plate { get; set; } = "";

    public string PlateKey { get; set; } = "";

    public CountryCode Country { get; set; }

    public string Vin { get; set; } = "";

    public string Make { get; set; } = "";

    public string Model { get; set; } = "";

    public string Colour { get; set; } = "";

    public long? HolderId { get; set; }

    public DateOnly FirstRegistered { get; set; }

    public VehicleStatus Status { get; set; }
}
