using Senningen.Core.Anpr;
using Senningen.Core.Consultation.Registry;
using Senningen.Core.Countries;
using Senningen.Node.Features.Registry.Data;

namespace Senningen.Node.Features.Registry.Reference;

/// <summary>Rows to Core records and back; identifiers are re-validated on the way out, as a national source would be.</summary>
internal static class RowMapping
{
    public static RegistryPerson ToPerson(StoredPerson row)
    {
        var country = CountryCode.Parse(row.Country);
        return new RegistryPerson(row.Id, NationalId.Parse(country, row.NationalId), row.Surname, row.GivenNames, row.BirthDate, (Sex)row.Sex,
            CountryCode.Parse(row.Nationality), new RegistryAddress(row.Street, row.HouseNumber, row.Postcode, row.Municipality, country));
    }

    public static RegistryVehicle ToVehicle(StoredVehicle row)
    {
        var country = CountryCode.Parse(row.Country);
        return new RegistryVehicle(row.Id, Plate.Parse(row.Plate, country), country, row.Vin, row.Make, row.Model, row.Colour, row.HolderId,
            row.FirstRegistered, (VehicleStatus)row.Status);
    }

    public static IdentityDocument ToDocument(StoredDocument row) =>
        new(row.Id, (DocumentType)row.Type, row.Number, CountryCode.Parse(row.IssuingCountry), row.HolderId, row.IssuedOn, row.ValidUntil,
            (DocumentStatus)row.Status);

    public static PoliceRecord ToRecord(StoredRecord row) =>
        new(row.Id, (RecordSubject)row.Subject, row.SubjectId, (RecordKind)row.Kind, row.Summary, (HandlingCode)row.Handling, row.RecordedOn);
}
