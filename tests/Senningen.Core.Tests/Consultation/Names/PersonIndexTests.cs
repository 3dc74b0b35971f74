using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

public sealed class PersonIndexTests
{
    private static readonly PersonParticulars Registered = new()
    {
        GivenNames = "Jan-Willem Pieter", Surname = "van der Berg", BirthDate = BirthDate.From(1984, 3, 7), Sex = Sex.Male, Postcode = "2514 AB",
    };

    private static PersonIndex IndexWithRegistered() =>
        PersonIndex.Build([new PersonRecord("target", Registered), .. People.Population(3_000, seed: 7)]);

    private static PersonParticulars Query(string given, string surname, string date) => new()
    {
        GivenNames = given, Surname = surname, BirthDate = BirthDate.TryParse(date, out var d) ? d : default,
    };

    [Theory]
    [InlineData("Jan-Willem", "van der Berg", "1984-03-07", Agreement.Exact, Agreement.Exact, Agreement.Exact)]
    [InlineData("Jan-Willem", "Berg, van der", "1984-03-07", Agreement.Exact, Agreement.Exact, Agreement.Exact)]
    [InlineData("Jan-Willem", "Vandenberg", "1984-03-07", Agreement.Stem, Agreement.Exact, Agreement.Exact)]
    [InlineData("Jan-Willem", "Van den Berg", "1984-03-07", Agreement.Stem, Agreement.Exact, Agreement.Exact)]
    [InlineData("Jan-Willem", "Berg", "1984-03-07", Agreement.Stem, Agreement.Exact, Agreement.Exact)]
    [InlineData("J.", "van der Berg", "1984-03-07", Agreement.Exact, Agreement.Initial, Agreement.Exact)]
    [InlineData("Jan-Willem", "van der Berg", "1984-07-03", Agreement.Exact, Agreement.Exact, Agreement.DayMonthSwapped)]
    [InlineData("Jan-Willem", "van der Berg", "1964-03-07", Agreement.Exact, Agreement.Exact, Agreement.OneDigit)]
    [InlineData("Jan-Willem", "van der Berg", "1984", Agreement.Exact, Agreement.Exact, Agreement.YearOnly)]
    [InlineData("Jan", "van der Bregh", "1984-03-07", Agreement.Typo, Agreement.Exact, Agreement.Exact)]
    [InlineData("Pieter", "vd Berg", "1984-03-07", Agreement.Stem, Agreement.Compound, Agreement.Exact)]
    [InlineData("Jan-Willem", "Van der Berg", "", Agreement.Exact, Agreement.Exact, Agreement.Missing)]
    public void Search_AVariantOfARegisteredPerson_FindsThemFirstAndSaysHowEachFieldMatched(
        string given, string surname, string date, Agreement surnameLevel, Agreement givenLevel, Agreement dateLevel)
    {
        var result = IndexWithRegistered().Search(Query(given, surname, date));

        result.IsRefused.ShouldBeFalse();
        var best = result.Matches[0];
        best.Record.Id.ShouldBe("target");
        best.Explanation.Single(f => f.Field == PersonField.Surname).Agreement.ShouldBe(surnameLevel);
        best.Explanation.Single(f => f.Field == PersonField.GivenNames).Agreement.ShouldBe(givenLevel);
        best.Explanation.Single(f => f.Field == PersonField.BirthDate).Agreement.ShouldBe(dateLevel);
        best.Score.ShouldBe(best.Explanation.Sum(f => f.Weight), 0.05);
    }

    [Fact]
    public void Search_RanksCandidatesBestFirst_AndTheExactPersonAboveTheOneWithATypo()
    {
        var twin = Registered with { Surname = "van der Bergh" };
        var index = PersonIndex.Build([new PersonRecord("typo", twin), new PersonRecord("exact", Registered)]);

        var matches = index.Search(Registered).Matches;

        matches.Select(m => m.Record.Id).ShouldBe(["exact", "typo"]);
        matches[0].Score.ShouldBeGreaterThan(matches[1].Score);
    }

    [Fact]
    public void Search_SomeoneElseWithTheSameSurname_ScoresFarBelowThePerson_WithTheDisagreementsNamed()
    {
        var index = PersonIndex.Build([new PersonRecord("target", Registered)]);

        var match = index.Search(Query("Jan-Willem", "van der Berg", "1951-11-22") with { Sex = Sex.Female, Postcode = "9000" }).Matches.ShouldHaveSingleItem();

        match.Explanation.Where(f => f.Agreement == Agreement.Disagree).Select(f => f.Field)
            .ShouldBe([PersonField.BirthDate, PersonField.Sex, PersonField.Postcode]);
        // Same surname and year of birth only, another first name and sex: weak evidence, 30 bits below the person.
        var exact = index.Search(Registered).Matches.ShouldHaveSingleItem().Score;
        var other = index.Search(Query("Maria", "van der Berg", "1984-11-22") with { Sex = Sex.Female }).Matches.ShouldHaveSingleItem().Score;
        other.ShouldBeLessThan(exact - 30);
        other.ShouldBeLessThan(2);
    }

    [Fact]
    public void Search_ACommonSurnameAlone_IsRefusedAsTooBroad_AskingForMoreCriteria()
    {
        var jansens = Enumerable.Range(0, 300).Select(i => new PersonRecord($"j{i}", new PersonParticulars
        {
            Surname = "Jansen", GivenNames = "Gerrit", BirthDate = BirthDate.From(1900 + i, 1 + (i % 12), 1 + (i % 28)),
        }));
        var index = PersonIndex.Build([.. jansens, new PersonRecord("rare", new PersonParticulars { Surname = "Zwartkruis" })], maxCandidates: 200);

        var result = index.Search(new PersonParticulars { Surname = "jansen" });

        result.IsRefused.ShouldBeTrue();
        result.Matches.ShouldBeEmpty();
        result.Refusal!.Reason.ShouldBe(RefusalReason.TooBroad);
        result.Refusal.EstimatedCandidates.ShouldBe(300);
        result.Refusal.AddOneOf.ShouldBe([PersonField.GivenNames, PersonField.BirthDate, PersonField.Postcode, PersonField.OtherId]);
        index.Search(new PersonParticulars { Surname = "Zwartkruis" }).Matches.ShouldHaveSingleItem().Record.Id.ShouldBe("rare");
        index.Search(new PersonParticulars { Surname = "Jansen", GivenNames = "Gerrit" }).Refusal!.Reason.ShouldBe(RefusalReason.TooBroad);
        index.Search(new PersonParticulars { Surname = "Jansen", BirthDate = BirthDate.From(1917, 6, 18) }).Matches[0].Record.Id.ShouldBe("j17");
    }

    [Fact]
    public void Search_ACommonNameWithADate_SkipsTheBroadBlocks_AndIsAnswered()
    {
        // Every Gerrit Jansen shares the surname-and-initial block (300 > 200 / 4); the date's blocks are narrow.
        var jansens = Enumerable.Range(0, 300).Select(i => new PersonRecord($"j{i}", new PersonParticulars
        {
            Surname = "Jansen", GivenNames = "Gerrit", BirthDate = BirthDate.From(1900 + (i % 100), 1 + (i % 12), 1 + (i % 28)),
        }));
        var index = PersonIndex.Build(jansens, maxCandidates: 200);

        var result = index.Search(new PersonParticulars { Surname = "Jansen", GivenNames = "Gerrit", BirthDate = BirthDate.From(1917, 6, 18) });

        result.IsRefused.ShouldBeFalse();
        result.Matches[0].Record.Id.ShouldBe("j17");
        result.CandidatesScored.ShouldBeLessThan(50);
    }

    [Fact]
    public void Search_AtTheCeiling_IsNotRefused_AndOneAboveIs()
    {
        var people = Enumerable.Range(0, 201).Select(i => new PersonRecord($"j{i}", new PersonParticulars { Surname = "Jansen" })).ToList();

        PersonIndex.Build(people.Take(200), maxCandidates: 200).Search(new PersonParticulars { Surname = "Jansen" }).IsRefused.ShouldBeFalse();
        PersonIndex.Build(people, maxCandidates: 200).Search(new PersonParticulars { Surname = "Jansen" }).IsRefused.ShouldBeTrue();
    }

    [Fact]
    public void Search_CountsEachCandidateOnce_WhenItsBlocksOverlap()
    {
        // "de Jong" sits in the blocks of its whole sound (dejong) and of its stem (jong): 150 people, 300 postings.
        var people = Enumerable.Range(0, 150).Select(i => new PersonRecord($"d{i}", new PersonParticulars { Surname = "de Jong" })).ToList();
        var index = PersonIndex.Build(people, maxCandidates: 200);

        var result = index.Search(new PersonParticulars { Surname = "De Jong" });

        result.IsRefused.ShouldBeFalse();
        result.CandidatesScored.ShouldBe(150);
    }

    [Fact]
    public void Search_BlocksFarAboveTheCeiling_AreRefusedUnread_WithTheirSum()
    {
        var people = Enumerable.Range(0, 9 * 20).Select(i => new PersonRecord($"j{i}", new PersonParticulars { Surname = "Jansen" }));

        var refusal = PersonIndex.Build(people, maxCandidates: 20).Search(new PersonParticulars { Surname = "Jansen" }).Refusal;

        refusal.ShouldNotBeNull().Reason.ShouldBe(RefusalReason.TooBroad);
        refusal.EstimatedCandidates.ShouldBe(180);
    }

    [Theory]
    [InlineData("Jan", null, "")]
    [InlineData("Jan", null, "1984")]
    [InlineData(null, null, "1984-03-07")]
    [InlineData(null, " - ", "1984-03-07")]
    public void Search_WithNoSurnameNoIdAndNoGivenNameWithAFullDate_IsRefusedAsNothingSelective(string? given, string? surname, string date)
    {
        var result = IndexWithRegistered().Search(Query(given!, surname!, date));

        result.Refusal.ShouldNotBeNull().Reason.ShouldBe(RefusalReason.NothingSelective);
    }

    [Fact]
    public void Search_AGivenNameWithAFullDate_IsEnoughWithoutASurname() =>
        IndexWithRegistered().Search(new PersonParticulars { GivenNames = "Jan-Willem", BirthDate = BirthDate.From(1984, 3, 7) })
            .Matches[0].Record.Id.ShouldBe("target");

    [Fact]
    public void Search_AnIdentifierAlone_FindsItsHolder()
    {
        var index = PersonIndex.Build([new PersonRecord("target", Registered with { OtherId = "84.03.07-123.45" }), .. People.Population(50, 3)]);

        var best = index.Search(new PersonParticulars { OtherId = "84030712345" }).Matches[0];

        best.Record.Id.ShouldBe("target");
        best.Explanation.Single(f => f.Field == PersonField.OtherId).Agreement.ShouldBe(Agreement.Exact);
    }

    [Fact]
    public void Build_RefusesARepeatedId() =>
        Should.Throw<ArgumentException>(() => PersonIndex.Build([new PersonRecord("a", Registered), new PersonRecord("a", Registered)]));

    [Fact]
    public void Search_IsDeterministic()
    {
        var index = IndexWithRegistered();
        var query = Query("J.", "Jansen", "1970");

        var first = index.Search(query).Matches.Select(m => (m.Record.Id, m.Score)).ToList();

        first.Count.ShouldBe(10);
        index.Search(query).Matches.Select(m => (m.Record.Id, m.Score)).ShouldBe(first);
    }
}
