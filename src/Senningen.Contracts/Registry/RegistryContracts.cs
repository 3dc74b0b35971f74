namespace Senningen.Contracts.Registry;

/// <summary>
/// Body of <c>POST /api/v1/registry/generate</c> (administrators): replace the reference registry with
/// <see cref="Persons"/> synthetic persons (1 to 10,000,000) and what is registered to them; the same
/// <see cref="Seed"/> (default 1) gives the same registry.
/// </summary>
public sealed record GenerateRegistryRequest(int? Persons, long? Seed);

/// <summary>What a generation wrote, and how long it took on the node.</summary>
public sealed record GenerateRegistryReport(
    string Country,
    long Seed,
    long Persons,
    long Vehicles,
    long Documents,
    long Records,
    double Seconds);
