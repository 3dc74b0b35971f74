using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Core.Consultation.Registry;

public enum Sex
{
    Female = 1,
    Male = 2,
}

/// <summary>Where a person is registered as living.</summary>
public sealed record RegistryAddress(string Street, string HouseNumber, string Postcode, string Municipality, CountryCode Country);

/// <summary>
/// A person in a national population register. <see cref="Surname"/> is kept as written, particles included in their
/// place and case ("van der Berg", "Van den Broeck", "d'Hondt"); matching normalises, the register does not.
/// </summary>
public sealed record RegistryPerson(
    long Id,
    NationalId NationalId,
    string Surname,
    string GivenNames,
    DateOnly BirthDate,
    Sex Sex,
    CountryCode Nationality,
    RegistryAddress Address);

public enum VehicleStatus
{
    Registered = 1,
    Stolen = 2,
    Deregistered = 3,
}

/// <summary>A vehicle in a national registration register, with the person it is registered to (if any).</summary>
public sealed record RegistryVehicle(
    long Id,
    Plate Plate,
    CountryCode Country,
    string Vin,
    string Make,
    string Model,
    string Colour,
    long? HolderId,
    DateOnly FirstRegistered,
    VehicleStatus Status);

public enum DocumentType
{
    IdentityCard = 1,
    Passport = 2,
}

public enum DocumentStatus
{
    Valid = 1,
    ReportedLost = 2,
    ReportedStolen = 3,
    Revoked = 4,
}

/// <summary>An identity document issued to a person; <see cref="Number"/> is normalised (upper case, no separators).</summary>
public sealed record IdentityDocument(
    long Id,
    DocumentType Type,
    string Number,
    CountryCode IssuingCountry,
    long HolderId,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    DocumentStatus Status);

public enum RecordSubject
{
    Person = 1,
    Vehicle = 2,
    Document = 3,
}

public enum RecordKind
{
    /// <summary>Sought for arrest (a national or European arrest warrant).</summary>
    WantedForArrest = 1,
    Missing = 2,
    DiscreetCheck = 3,
    SpecificCheck = 4,
    StolenVehicle = 5,
    LostOrStolenDocument = 6,
    PoliceRecord = 7,
}

/// <summary>What an officer who finds the subject is asked to do.</summary>
public enum HandlingCode
{
    Arrest = 1,
    ProtectAndInform = 2,
    ReportWhereabouts = 3,
    CheckAndReport = 4,
    Seize = 5,
    NoAction = 6,
}

/// <summary>A police record or alert on a person, vehicle or document of the same registry.</summary>
public sealed record PoliceRecord(
    long Id,
    RecordSubject Subject,
    long SubjectId,
    RecordKind Kind,
    string Summary,
    HandlingCode Handling,
    DateOnly RecordedOn);
