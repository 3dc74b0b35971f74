using Senningen.Core.Anpr;
using Senningen.Core.Consultation.Registry;
using Senningen.Node.Features.Registry.Data;

namespace Senningen.Node.Features.Registry.Reference;

/// <summary>Rows to Core records and back; identifiers are re-validated on the way out, as a national source would be.</summary>
internal static class RowMapping
{
    public static RegistryPerson ToPerson(StoredPerson row) =>
        new(row.Id, NationalId.Parse(row.Country, row.NationalId), row.Surname, row.GivenNames, row.BirthDate, row.Sex, row.Nationality,
            new RegistryAddress(row.Street, row.HouseNumber, row.Postcode, row.Municipality, row.Country));

    public static RegistryVehicle ToVehicle(StoredVehicle row) =>
        new(row.Id, Plate.Parse(row.Plate, row.Country), row.Country, row.Vin, row.Make, row.Model, row.Colour, row.HolderId, row.FirstRegistered,
            row.Status);

    public static IdentityDocument ToDocument(StoredDocument row) =>
        new(row.Id, row.Type, row.Number, row.IssuingCountry, row.HolderId, row.IssuedOn, row.ValidUntil, row.Status);

    public static PoliceRecord ToRecord(StoredRecord row) =>
        new(row.Id, row.Subject, row.SubjectId, row.Kind, row.Summary, row.Handling, row.RecordedOn);
}
