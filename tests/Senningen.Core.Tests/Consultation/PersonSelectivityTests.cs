using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Consultation;

/// <summary>
/// Every (criteria × level allowed × data set) cell written out by hand: summary and full need a second identifier
/// besides the surname; less gets hit counts and says what to add.
/// </summary>
public sealed class PersonSelectivityTests
{
    // Criteria: S surname, G given names, B birth date (full), Y birth year only. Expected level for summary and for full
    // allowed, and what the answer asks to add (empty when not limited).
    [Theory]
    [InlineData("S", "H", "H", "givenNames,birthDate")]
    [InlineData("SG", "S", "F", "")]
    [InlineData("SB", "S", "F", "")]
    [InlineData("SY", "S", "F", "")]
    [InlineData("SGB", "S", "F", "")]
    [InlineData("GB", "S", "F", "")]
    [InlineData("G", "H", "H", "surname,birthDate")]
    [InlineData("", "H", "H", "surname,givenNames,birthDate")]
    public void Apply_PersonsAndRecords_NeedASecondIdentifierForSummaryAndFull(string criteria, string summary, string full, string toAdd)
    {
        var person = Person(criteria);
        foreach (var set in new[] { DataSet.Persons, DataSet.Records })
        {
            var s = PersonSelectivity.Apply(DisclosureLevel.Summary, set, person);
            var f = PersonSelectivity.Apply(DisclosureLevel.Full, set, person);

            Code(s.Level).ShouldBe(summary, $"{set} summary");
            Code(f.Level).ShouldBe(full, $"{set} full");
            s.Limited.ShouldBe(summary == "H");
            string.Join(',', f.ToAdd.Select(PersonSelectivity.NameOf)).ShouldBe(toAdd);
        }
    }

    [Theory]
    [InlineData(DisclosureLevel.Refused)]
    [InlineData(DisclosureLevel.HitNoHit)]
    public void Apply_LevelsThatShowNoPerson_AreNeverLimited(DisclosureLevel level)
    {
        var result = PersonSelectivity.Apply(level, DataSet.Persons, Person("S"));

        result.ShouldBe(new SelectiveLevel(level, false, []), SelectiveLevelComparer);
    }

    [Theory]
    [InlineData(DataSet.Vehicles)]
    [InlineData(DataSet.Documents)]
    public void Apply_SearchesByANumber_AreNotLimited(DataSet set)
    {
        var result = PersonSelectivity.Apply(DisclosureLevel.Full, set, null);

        (result.Level, result.Limited, result.ToAdd.Count).ShouldBe((DisclosureLevel.Full, false, 0));
    }

    [Fact]
    public void IdentifiersNeeded_CoversEveryLevel() =>
        PersonSelectivity.IdentifiersNeeded.Keys.Order().ShouldBe(Enum.GetValues<DisclosureLevel>());

    private static readonly IEqualityComparer<SelectiveLevel> SelectiveLevelComparer = EqualityComparer<SelectiveLevel>.Create(
        (a, b) => a!.Level == b!.Level && a.Limited == b.Limited && a.ToAdd.SequenceEqual(b.ToAdd));

    private static PersonParticulars Person(string criteria) => new()
    {
        Surname = criteria.Contains('S', StringComparison.Ordinal) ? "Peeters" : null,
        GivenNames = criteria.Contains('G', StringComparison.Ordinal) ? "Jan" : null,
        BirthDate = criteria.Contains('B', StringComparison.Ordinal) ? BirthDate.From(1980, 2, 14)
            : criteria.Contains('Y', StringComparison.Ordinal) ? BirthDate.From(1980) : default,
    };

    private static string Code(DisclosureLevel level) => level switch
    {
        DisclosureLevel.HitNoHit => "H",
        DisclosureLevel.Summary => "S",
        DisclosureLevel.Full => "F",
        _ => "R",
    };
}
