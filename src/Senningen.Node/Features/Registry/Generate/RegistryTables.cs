using NpgsqlTypes;
using Senningen.Core.Consultation.Registry;

namespace Senningen.Node.Features.Registry.Generate;

/// <summary>The four registry tables, written from Core's records (column names as the EF model maps them).</summary>
internal static class RegistryTables
{
    public static readonly RegistryTable<RegistryPerson> Persons = new("registry_persons",
    [
        ("Id", NpgsqlDbType.Bigint), ("NationalId", NpgsqlDbType.Varchar), ("Surname", NpgsqlDbType.Varchar), ("GivenNames", NpgsqlDbType.Varchar),
        ("SurnameKey", NpgsqlDbType.Varchar), ("BirthDate", NpgsqlDbType.Date), ("BirthYear", NpgsqlDbType.Integer), ("Sex", NpgsqlDbType.Integer),
        ("Nationality", NpgsqlDbType.Varchar), ("Street", NpgsqlDbType.Varchar), ("HouseNumber", NpgsqlDbType.Varchar), ("Postcode", NpgsqlDbType.Varchar),
        ("Municipality", NpgsqlDbType.Varchar), ("Country", NpgsqlDbType.Varchar),
    ], (p, v) =>
    {
        (v[0], v[1], v[2], v[3], v[4]) = (p.Id, p.NationalId.Digits, p.Surname, p.GivenNames, SurnameKey.Of(p.Surname));
        (v[5], v[6], v[7], v[8]) = (p.BirthDate, p.BirthDate.Year, (int)p.Sex, p.Nationality.Value);
        (v[9], v[10], v[11], v[12], v[13]) = (p.Address.Street, p.Address.HouseNumber, p.Address.Postcode, p.Address.Municipality, p.Address.Country.Value);
    });

    public static readonly RegistryTable<RegistryVehicle> Vehicles = new("registry_vehicles",
    [
        ("Id", NpgsqlDbType.Bigint), ("Plate", NpgsqlDbType.Varchar), ("PlateKey", NpgsqlDbType.Varchar), ("Country", NpgsqlDbType.Varchar),
        ("Vin", NpgsqlDbType.Varchar), ("Make", NpgsqlDbType.Varchar), ("Model", NpgsqlDbType.Varchar), ("Colour", NpgsqlDbType.Varchar),
        ("HolderId", NpgsqlDbType.Bigint), ("FirstRegistered", NpgsqlDbType.Date), ("Status", NpgsqlDbType.Integer),
    ], (x, v) =>
    {
        (v[0], v[1], v[2], v[3], v[4], v[5]) = (x.Id, x.Plate.Text, x.Plate.Key.ToString(), x.Country.Value, x.Vin, x.Make);
        (v[6], v[7], v[8], v[9], v[10]) = (x.Model, x.Colour, x.HolderId, x.FirstRegistered, (int)x.Status);
    });

    public static readonly RegistryTable<IdentityDocument> Documents = new("registry_documents",
    [
        ("Id", NpgsqlDbType.Bigint), ("Type", NpgsqlDbType.Integer), ("Number", NpgsqlDbType.Varchar), ("IssuingCountry", NpgsqlDbType.Varchar),
        ("HolderId", NpgsqlDbType.Bigint), ("IssuedOn", NpgsqlDbType.Date), ("ValidUntil", NpgsqlDbType.Date), ("Status", NpgsqlDbType.Integer),
    ], (d, v) =>
    {
        (v[0], v[1], v[2], v[3]) = (d.Id, (int)d.Type, d.Number, d.IssuingCountry.Value);
        (v[4], v[5], v[6], v[7]) = (d.HolderId, d.IssuedOn, d.ValidUntil, (int)d.Status);
    });

    public static readonly RegistryTable<PoliceRecord> Records = new("registry_records",
    [
        ("Id", NpgsqlDbType.Bigint), ("Subject", NpgsqlDbType.Integer), ("SubjectId", NpgsqlDbType.Bigint), ("Kind", NpgsqlDbType.Integer),
        ("Summary", NpgsqlDbType.Varchar), ("Handling", NpgsqlDbType.Integer), ("RecordedOn", NpgsqlDbType.Date),
    ], (r, v) =>
    {
        (v[0], v[1], v[2], v[3]) = (r.Id, (int)r.Subject, r.SubjectId, (int)r.Kind);
        (v[4], v[5], v[6]) = (r.Summary, (int)r.Handling, r.RecordedOn);
    });
}
