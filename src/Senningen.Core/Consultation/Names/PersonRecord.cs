namespace Senningen.Core.Consultation.Names;

/// <summary>Male, female, or not known.</summary>
public enum Sex
{
    Unknown = 0,
    Male,
    Female,
}

/// <summary>
/// What is known of a person, as a register holds it or an officer asks for it. Names are as written (any case,
/// diacritics, particles before or after the stem); every field but the surname may be missing. <see cref="OtherId"/>
/// is any identifier both sides share (a national number, a document number).
/// </summary>
public sealed record PersonParticulars
{
    public string? GivenNames { get; init; }

    public string? Surname { get; init; }

    public BirthDate BirthDate { get; init; }

    public Sex Sex { get; init; }

    public string? Postcode { get; init; }

    public string? Municipality { get; init; }

    public string? Street { get; init; }

    public string? HouseNumber { get; init; }

    public string? OtherId { get; init; }
}

/// <summary>One person in an index: the register's id for them and their particulars.</summary>
public sealed record PersonRecord
{
    public PersonRecord(string id, PersonParticulars person)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(person);
        (Id, Person) = (id, person);
    }

    public string Id { get; }

    public PersonParticulars Person { get; }
}
