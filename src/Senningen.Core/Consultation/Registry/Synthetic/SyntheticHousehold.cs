namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>One address's worth of a synthetic registry: its residents and what is registered to them.</summary>
public sealed record SyntheticHousehold(
    IReadOnlyList<RegistryPerson> Persons,
    IReadOnlyList<RegistryVehicle> Vehicles,
    IReadOnlyList<IdentityDocument> Documents,
    IReadOnlyList<PoliceRecord> Records);
