using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Core.Consultation.Registry.Synthetic;

/// <summary>
/// A deterministic synthetic national registry: the same country, seed and reference date give the same households,
/// persons, vehicles, documents and records, byte for byte, on every machine. Streamed household by household, so a
/// registry of millions is written without being held in memory. Every value is invented; names, municipalities,
/// postcodes and formats are real so that the data looks like the country's.
/// </summary>
public sealed class SyntheticRegistry
{
    /// <summary>The date the registry is "as of" unless told otherwise, fixed so that a seed means the same data every day.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 1, 1);

    private static readonly int[] HouseholdSizes = [1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 4, 5];

    private readonly CountryCode _country;
    private readonly ulong _seed;
    private readonly DateOnly _asOf;
    private readonly Municipality[] _municipalities;

    public SyntheticRegistry(CountryCode country, ulong seed, DateOnly? asOf = null)
    {
        if (!country.IsTreatyParty)
        {
            throw new ArgumentException($"Synthetic registries exist for BE, NL and LU, not '{country}'.", nameof(country));
        }

        (_country, _seed, _asOf) = (country, seed, asOf ?? ReferenceDate);
        _municipalities = country.Value switch { "BE" => Municipalities.Belgium, "NL" => Municipalities.Netherlands, _ => Municipalities.Luxembourg };
    }

    /// <summary>Households until exactly <paramref name="persons"/> persons exist; ids run from 1 in each kind.</summary>
    public IEnumerable<SyntheticHousehold> Generate(int persons)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        var state = new GenerationState(new IdentifierIssuer(_country, _seed), new SyntheticRandom(_seed));
        while (state.PersonId < persons)
        {
            yield return Household(state, persons - (int)state.PersonId);
        }
    }

    private SyntheticHousehold Household(GenerationState s, int remaining)
    {
        ref var random = ref s.Random;
        var municipality = random.Skewed(_municipalities);
        var culture = CrossBorder(municipality.Culture, ref random);
        var address = new RegistryAddress(random.Pick(Municipalities.Streets(municipality.Culture)), HouseNumber(ref random), municipality.Postcode,
            municipality.Name, _country);
        var size = Math.Min(random.Pick(HouseholdSizes), remaining);
        var persons = new List<RegistryPerson>(size);
        var headAge = random.Between(19, 88);
        var head = NewPerson(s, culture, random.Chance(0.5) ? Sex.Male : Sex.Female, headAge, null, address);
        persons.Add(head);
        var partner = default(RegistryPerson);
        if (size >= 2)
        {
            partner = NewPerson(s, culture, head.Sex == Sex.Male ^ random.Chance(0.04) ? Sex.Female : Sex.Male,
                Math.Clamp(headAge + random.Between(-6, 6), 18, 95), null, address);
            persons.Add(partner);
        }

        var twinOf = default(RegistryPerson);
        for (var i = persons.Count; i < size; i++)
        {
            // Children carry one parent's surname (in Belgium the mother's has been possible since 2014); now and then twins.
            var surname = partner is not null && random.Chance(_country.Value == "BE" ? 0.15 : 0.05) ? partner.Surname : head.Surname;
            if (twinOf is null || !random.Chance(0.3))
            {
                twinOf = NewPerson(s, culture, random.Chance(0.5) ? Sex.Male : Sex.Female, random.Between(0, Math.Clamp(headAge - 19, 0, 30)), surname, address);
                persons.Add(twinOf);
            }
            else
            {
                persons.Add(NewPerson(s, culture, random.Chance(0.5) ? Sex.Male : Sex.Female, 0, surname, address, twinOf.BirthDate));
            }
        }

        var vehicles = new List<RegistryVehicle>();
        var documents = new List<IdentityDocument>();
        var records = new List<PoliceRecord>();
        foreach (var person in persons)
        {
            // The registering police writes in its region's language, whatever the family's.
            Register(s, person, municipality.Culture, vehicles, documents, records);
        }

        return new SyntheticHousehold(persons, vehicles, documents, records);
    }

    private RegistryPerson NewPerson(GenerationState s, NameCulture culture, Sex sex, int age, string? surname, RegistryAddress address,
        DateOnly? birthDate = null)
    {
        ref var random = ref s.Random;
        var born = birthDate ?? _asOf.AddYears(-age).AddDays(-random.Next(365));
        var id = s.Issuer.NationalId(ref born, sex);
        var names = GivenNames.For(culture, sex);
        var given = random.Skewed(names);
        var extra = random.Next(100) switch { < 50 => 0, < 85 => 1, _ => 2 };
        for (var i = 0; i < extra; i++)
        {
            var next = random.Pick(names);
            given = next == given ? given : given + " " + next;
        }

        return new RegistryPerson(++s.PersonId, id, surname ?? NewSurname(culture, ref random), given, born, sex, Nationality(culture), address);
    }

    private void Register(GenerationState s, RegistryPerson person, NameCulture region, List<RegistryVehicle> vehicles,
        List<IdentityDocument> documents, List<PoliceRecord> records)
    {
        ref var random = ref s.Random;
        var age = _asOf.Year - person.BirthDate.Year;
        var french = region is NameCulture.Walloon or NameCulture.Luxembourgish;
        if (age >= 18 && random.Chance(0.45))
        {
            var count = random.Chance(0.12) ? 2 : 1;
            for (var i = 0; i < count; i++)
            {
                var vehicle = NewVehicle(s, person.Id);
                vehicles.Add(vehicle);
                if (vehicle.Status == VehicleStatus.Stolen)
                {
                    AddRecord(s, records, RecordSubject.Vehicle, vehicle.Id, RecordKind.StolenVehicle, HandlingCode.Seize, french);
                }
            }
        }

        // Belgium gives foreign residents an electronic card too (modelled with the same numbering); the Netherlands and
        // Luxembourg issue identity cards to nationals only, the Netherlands at any age.
        if ((age >= 12 || _country.Value == "NL") && (person.Nationality == _country || _country.Value == "BE"))
        {
            documents.Add(NewDocument(s, person.Id, DocumentType.IdentityCard, age));
        }

        // A passport only for the country's own nationals; residents from across the border hold their own country's.
        if (person.Nationality == _country && random.Chance(0.35))
        {
            documents.Add(NewDocument(s, person.Id, DocumentType.Passport, age));
        }

        foreach (var document in documents)
        {
            if (document.HolderId == person.Id && document.Status is DocumentStatus.ReportedLost or DocumentStatus.ReportedStolen)
            {
                AddRecord(s, records, RecordSubject.Document, document.Id, RecordKind.LostOrStolenDocument, HandlingCode.Seize, french);
            }
        }

        var roll = random.NextDouble();
        var alert = roll switch
        {
            < 0.0015 => (RecordKind.WantedForArrest, HandlingCode.Arrest),
            < 0.0020 => (RecordKind.Missing, HandlingCode.ProtectAndInform),
            < 0.0030 => (RecordKind.DiscreetCheck, HandlingCode.ReportWhereabouts),
            < 0.0035 => (RecordKind.SpecificCheck, HandlingCode.CheckAndReport),
            < 0.0185 when age >= 16 => (RecordKind.PoliceRecord, HandlingCode.NoAction),
            _ => ((RecordKind, HandlingCode)?)null,
        };
        if (alert is var (kind, handling))
        {
            AddRecord(s, records, RecordSubject.Person, person.Id, kind, handling, french);
        }
    }

    private RegistryVehicle NewVehicle(GenerationState s, long holder)
    {
        ref var random = ref s.Random;
        var id = ++s.VehicleId;
        var maker = random.Skewed(Vehicles.Makers);
        var year = random.Next(Vehicles.ModelYears.Length);
        Span<char> vin = stackalloc char[Vin.Length];
        maker.Wmi.AsSpan().CopyTo(vin);
        for (var i = 3; i < 9; i++)
        {
            vin[i] = Vehicles.VinCharacters[random.Next(Vehicles.VinCharacters.Length)];
        }

        vin[9] = Vehicles.ModelYears[year];
        // Position 11 and the six-digit serial encode the vehicle's id, so no two generated VINs are the same.
        vin[10] = Vehicles.VinCharacters[(int)(id / 1_000_000 % Vehicles.VinCharacters.Length)];
        (id % 1_000_000).TryFormat(vin[11..], out _, "D6", System.Globalization.CultureInfo.InvariantCulture);
        if (maker.WritesCheckDigit)
        {
            vin[8] = Vin.CheckDigit(vin);
        }

        var status = random.NextDouble() switch { < 0.006 => VehicleStatus.Stolen, < 0.026 => VehicleStatus.Deregistered, _ => VehicleStatus.Registered };
        var registered = new DateOnly(2001 + year, random.Between(1, 12), random.Between(1, 28));
        return new RegistryVehicle(id, Plate.Parse(s.Issuer.Plate(), _country), _country, new string(vin), maker.Name, random.Pick(maker.Models),
            random.Skewed(Vehicles.Colours), holder, registered > _asOf ? _asOf : registered, status);
    }

    private IdentityDocument NewDocument(GenerationState s, long holder, DocumentType type, int age)
    {
        ref var random = ref s.Random;
        var years = age < 18 ? 5 : 10;
        // Issued up to two years past a full validity ago, so a share of documents have expired, as in a real register.
        var issued = _asOf.AddDays(-random.Next((years + 2) * 365));
        var status = random.NextDouble() switch
        {
            < 0.010 => DocumentStatus.ReportedLost,
            < 0.014 => DocumentStatus.ReportedStolen,
            < 0.016 => DocumentStatus.Revoked,
            _ => DocumentStatus.Valid,
        };
        return new IdentityDocument(++s.DocumentId, type, s.Issuer.DocumentNumber(type), _country, holder, issued, issued.AddYears(years).AddDays(-1), status);
    }

    private void AddRecord(GenerationState s, List<PoliceRecord> records, RecordSubject subject, long subjectId, RecordKind kind,
        HandlingCode handling, bool french)
    {
        ref var random = ref s.Random;
        var date = _asOf.AddDays(-random.Next(3 * 365));
        var summary = RecordTexts.Summary(kind, french, date, ref random);
        records.Add(new PoliceRecord(++s.RecordId, subject, subjectId, kind, summary, handling, date));
    }

    // A fifth from the common names, favouring the most common, the rest from the long tail: the most common surname
    // ends up with about half a percent of its tradition's people, roughly as in the real registers.
    private static string NewSurname(NameCulture culture, ref SyntheticRandom random) =>
        random.Chance(0.2) ? random.Common(Surnames.For(culture)) : SurnameTail.Compose(culture, ref random);

    // A share of households across the border: Dutch families in the Kempen, Belgians in Zeeuws-Vlaanderen and Limburg,
    // Belgians and French speakers in Luxembourg.
    private NameCulture CrossBorder(NameCulture local, ref SyntheticRandom random) =>
        !random.Chance(0.06) ? local : _country.Value switch
        {
            "BE" => NameCulture.Dutch,
            "NL" => NameCulture.Flemish,
            _ => random.Chance(0.5) ? NameCulture.Walloon : NameCulture.Flemish,
        };

    private static CountryCode Nationality(NameCulture culture) => culture switch
    {
        NameCulture.Dutch => CountryCode.Netherlands,
        NameCulture.Luxembourgish => CountryCode.Luxembourg,
        _ => CountryCode.Belgium,
    };

    private static string HouseNumber(ref SyntheticRandom random)
    {
        var number = random.Between(1, 180).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return random.Next(20) switch { 0 => number + "A", 1 => number + "bis", 2 => number + "/2", _ => number };
    }

    private sealed class GenerationState(IdentifierIssuer issuer, SyntheticRandom random)
    {
        public SyntheticRandom Random = random;

        public IdentifierIssuer Issuer { get; } = issuer;

        public long PersonId { get; set; }

        public long VehicleId { get; set; }

        public long DocumentId { get; set; }

        public long RecordId { get; set; }
    }
}
