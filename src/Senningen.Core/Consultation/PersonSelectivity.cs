using Senningen.Core.Consultation.Names;
using Senningen.Core.Treaty;

namespace Senningen.Core.Consultation;

/// <summary>What a person search names: the identifiers that narrow it down.</summary>
public enum PersonIdentifier
{
    Surname,
    GivenNames,
    BirthDate,
}

/// <summary>
/// The level a person search may get once its criteria are weighed, and when that is less than the treaty allows, the
/// identifiers that would raise it. <see cref="Limited"/> answers carry hit counts, never persons.
/// </summary>
public sealed record SelectiveLevel(DisclosureLevel Level, bool Limited, IReadOnlyList<PersonIdentifier> ToAdd);

/// <summary>
/// How selective a person search must be for each disclosure level (issue 21): a surname alone matched ten people,
/// newborns included, so showing persons (summary or full) needs a second identifier, a given name or a birth date.
/// A search that is not selective enough gets hit counts only. The answering node applies it, since it owns the data.
/// </summary>
public static class PersonSelectivity
{
    /// <summary>The rule name an answer gives when it was limited, for the asking side to explain.</summary>
    public const string NotSelectiveEnough = "person-second-identifier";

    /// <summary>The table: per level, how many different identifiers a person search must give.</summary>
    public static readonly IReadOnlyDictionary<DisclosureLevel, int> IdentifiersNeeded = new Dictionary<DisclosureLevel, int>
    {
        [DisclosureLevel.Refused] = 0,
        [DisclosureLevel.HitNoHit] = 1,
        [DisclosureLevel.Summary] = 2,
        [DisclosureLevel.Full] = 2,
    };

    /// <summary>The data sets answered by searching persons; vehicles and documents are found by a unique number.</summary>
    public static bool IsPersonSearch(DataSet set) => set is DataSet.Persons or DataSet.Records;

    public static IReadOnlyList<PersonIdentifier> IdentifiersOf(PersonParticulars? person)
    {
        if (person is null)
        {
            return [];
        }

        var given = new List<PersonIdentifier>(3);
        if (!string.IsNullOrWhiteSpace(person.Surname))
        {
            given.Add(PersonIdentifier.Surname);
        }

        if (!string.IsNullOrWhiteSpace(person.GivenNames))
        {
            given.Add(PersonIdentifier.GivenNames);
        }

        if (person.BirthDate.IsKnown)
        {
            given.Add(PersonIdentifier.BirthDate);
        }

        return given;
    }

    /// <summary>
    /// The level <paramref name="allowed"/> by the treaty, lowered to hit counts when the person search gives fewer
    /// identifiers than the table asks for it. Other data sets are not affected.
    /// </summary>
    public static SelectiveLevel Apply(DisclosureLevel allowed, DataSet set, PersonParticulars? person)
    {
        if (!IsPersonSearch(set) || allowed <= DisclosureLevel.HitNoHit)
        {
            return new SelectiveLevel(allowed, false, []);
        }

        var given = IdentifiersOf(person);
        if (given.Count >= IdentifiersNeeded[allowed])
        {
            return new SelectiveLevel(allowed, false, []);
        }

        return new SelectiveLevel(DisclosureLevel.HitNoHit, true, [.. Enum.GetValues<PersonIdentifier>().Where(i => !given.Contains(i))]);
    }

    public static string NameOf(PersonIdentifier identifier) => identifier switch
    {
        PersonIdentifier.Surname => "surname",
        PersonIdentifier.GivenNames => "givenNames",
        _ => "birthDate",
    };
}
