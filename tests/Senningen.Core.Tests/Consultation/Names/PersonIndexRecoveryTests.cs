using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

/// <summary>The blocking keys that recover a person when the name keys are broken, and the cap on the typo-tolerant block.</summary>
public sealed class PersonIndexRecoveryTests
{
    private static readonly PersonParticulars Chloe = new()
    {
        GivenNames = "Chloé", Surname = "Musolino", BirthDate = BirthDate.From(1990, 5, 17), Postcode = "6700", HouseNumber = "14", OtherId = "90051712345",
    };

    private static PersonIndex Index(params PersonRecord[] extra) =>
        PersonIndex.Build([new PersonRecord("chloe", Chloe), .. People.Population(2_000, seed: 5), .. extra]);

    private static PersonMatch Best(PersonIndex index, PersonParticulars query)
    {
        var matches = index.Search(query).Matches;
        matches.ShouldNotBeEmpty();
        return matches[0];
    }

    [Fact]
    public void GivenNameAndSurnameSwapped_AreFound_AndExplainedAsSwapped()
    {
        var best = Best(Index(), Chloe with { GivenNames = "Musolino", Surname = "Chloe" });

        best.Record.Id.ShouldBe("chloe");
        best.Explanation.Where(f => f.Agreement == Agreement.Swapped).Select(f => f.Field).ShouldBe([PersonField.Surname, PersonField.GivenNames]);
    }

    [Fact]
    public void AnotherSurnameWithTheSameDateAndPostcode_IsFound_AsAMarriedNameWouldBe() =>
        Best(Index(), Chloe with { Surname = "Verhoeven", OtherId = null }).Record.Id.ShouldBe("chloe");

    [Fact]
    public void AnotherNameWithTheSameDateAndHouseNumber_IsFound_WhenThePostcodeIsMistyped() =>
        Best(Index(), Chloe with { GivenNames = "Anna", Surname = "Verhoeven", Postcode = "6070", OtherId = null }).Record.Id.ShouldBe("chloe");

    [Fact]
    public void ASurnameTypoThatChangesItsSound_WithNoDate_IsFoundThroughTheDeletionKeys()
    {
        var query = new PersonParticulars { GivenNames = "Chloe", Surname = "Musoilno" };

        PhoneticKey.Of("musoilno").ShouldNotBe(PhoneticKey.Of("musolino"));
        Best(Index(), query).Record.Id.ShouldBe("chloe");
    }

    [Fact]
    public void TheDeletionKeys_AreNotReadWhenTheirBlockIsLarge()
    {
        // With Chloe, the block holds limit + 1 people; one namesake fewer and it is at the limit.
        var namesakes = Enumerable.Range(0, BlockingKeys.FallbackBlockLimit)
            .Select(i => new PersonRecord($"m{i}", new PersonParticulars { GivenNames = "Carla", Surname = "Musolino" })).ToArray();
        var query = new PersonParticulars { GivenNames = "Chloe", Surname = "Musoilno" };

        Index(namesakes).Search(query).Matches.ShouldBeEmpty();
        Index(namesakes[..^1]).Search(query).Matches.Select(m => m.Record.Id).ShouldContain("chloe");
    }

    [Theory]
    [InlineData("90051712346")] // one digit wrong
    [InlineData("90051721345")] // two digits swapped
    [InlineData("9005171234")] // one digit left out
    [InlineData("900517123405")] // one digit too many
    public void AnIdentifierOneCharacterOff_FindsItsHolder(string id)
    {
        var best = Best(Index(), new PersonParticulars { OtherId = id });

        best.Record.Id.ShouldBe("chloe");
        best.Explanation.Single(f => f.Field == PersonField.OtherId).Agreement.ShouldBe(Agreement.Typo);
    }

    [Fact]
    public void AnIdentifierTwoCharactersOff_FindsNobody() => Index().Search(new PersonParticulars { OtherId = "90051799345" }).Matches.ShouldBeEmpty();

    [Fact]
    public void AFullDateWithAPostcode_IsSelectiveEnoughWithoutAName() =>
        Best(Index(), new PersonParticulars { BirthDate = Chloe.BirthDate, Postcode = "6700" }).Record.Id.ShouldBe("chloe");
}
