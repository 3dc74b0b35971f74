using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

public sealed class MatchWeightsTests
{
    private static readonly Agreement[] Agreeing =
    [
        Agreement.Stem, Agreement.Compound, Agreement.Phonetic, Agreement.Typo, Agreement.Swapped, Agreement.Initial,
        Agreement.DayMonthSwapped, Agreement.OneDigit, Agreement.YearOnly,
    ];

    [Theory]
    [InlineData(PersonField.Surname)]
    [InlineData(PersonField.GivenNames)]
    [InlineData(PersonField.BirthDate)]
    [InlineData(PersonField.Sex)]
    [InlineData(PersonField.Postcode)]
    [InlineData(PersonField.Municipality)]
    [InlineData(PersonField.Street)]
    [InlineData(PersonField.HouseNumber)]
    [InlineData(PersonField.OtherId)]
    public void Default_EveryAgreeingLevelCountsFor_LessThanExact_DisagreeingAgainst_MissingNothing(PersonField field)
    {
        var w = MatchWeights.Default;

        w.Of(field, Agreement.Exact).ShouldBeGreaterThan(0);
        w.Of(field, Agreement.Disagree).ShouldBeLessThan(0);
        w.Of(field, Agreement.Missing).ShouldBe(0);
        foreach (var level in Agreeing)
        {
            w.Of(field, level).ShouldBeGreaterThanOrEqualTo(0, $"{field} {level}");
            w.Of(field, level).ShouldBeLessThan(w.Of(field, Agreement.Exact), $"{field} {level}");
        }
    }

    [Fact]
    public void Default_AnAgreeingInitialWeighsMoreThanATypoOfTheFirstName_AndLessThanItsSound()
    {
        var w = MatchWeights.Default;

        w.Of(PersonField.GivenNames, Agreement.Initial).ShouldBeGreaterThan(w.Of(PersonField.GivenNames, Agreement.Typo));
        w.Of(PersonField.GivenNames, Agreement.Initial).ShouldBeLessThanOrEqualTo(w.Of(PersonField.GivenNames, Agreement.Compound));
    }

    [Fact]
    public void Build_IsLog2OfMOverU_AndRefusesWhatIsNoProbability()
    {
        MatchWeights.Build((PersonField.Sex, [(Agreement.Exact, 0.8, 0.1)])).Of(PersonField.Sex, Agreement.Exact).ShouldBe(3, 1e-12);
        Should.Throw<ArgumentOutOfRangeException>(() => MatchWeights.Build((PersonField.Sex, [(Agreement.Exact, 0.8, 0)])));
        Should.Throw<ArgumentOutOfRangeException>(() => MatchWeights.Build((PersonField.Sex, [(Agreement.Exact, 1.2, 0.1)])));
    }
}
