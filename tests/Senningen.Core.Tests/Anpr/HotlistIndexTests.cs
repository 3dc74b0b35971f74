using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Core.Tests.Anpr;

public sealed class HotlistIndexTests
{
    internal static readonly DateTimeOffset At = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    internal static HotlistEntry Entry(string id, string plate, DateTimeOffset? from = null, DateTimeOffset? to = null,
        HotlistCategory category = HotlistCategory.StolenVehicle, HotlistAction action = HotlistAction.StopAndCheck, CountryCode owner = default) =>
        new(id, Plate.Parse(plate), category, action, from ?? At.AddDays(-30), to ?? DateTimeOffset.MaxValue, owner.IsValid ? owner : CountryCode.Netherlands);

    [Fact]
    public void Match_ExactPlate_HitsWithScoreOneAndTheEntrysActionCategoryAndOwner()
    {
        var index = HotlistIndex.Build([Entry("nl-1", "GB-123-X", category: HotlistCategory.SisDiscreetCheck, action: HotlistAction.DiscreetCheck)]);

        var hit = index.Match("gb 123 x", At).ShouldHaveSingleItem();

        hit.Score.ShouldBe(1.0);
        hit.IsExact.ShouldBeTrue();
        (hit.Entry.Id, hit.Category, hit.Action, hit.Owner).ShouldBe(("nl-1", HotlistCategory.SisDiscreetCheck, HotlistAction.DiscreetCheck, CountryCode.Netherlands));
    }

    [Fact]
    public void Match_OcrConfusions_HitWithTheEquivalentPositionsAndALowerScore()
    {
        var index = HotlistIndex.Build([Entry("nl-1", "GB-123-X")]);

        var hit = index.Match("68-I23-X", At, confidence: 0.9).ShouldHaveSingleItem();

        hit.Confusions.ShouldBe([new CharConfusion(0, '6', 'G'), new CharConfusion(1, '8', 'B'), new CharConfusion(2, 'I', '1')]);
        hit.Score.ShouldBe(0.9 * Math.Pow(HotlistHit.ConfusionFactor, 3), 1e-12);
    }

    [Theory]
    [InlineData("GB-124-X")]
    [InlineData("GB-12-X")]
    [InlineData("GB-1234-X")]
    [InlineData("GB-123-Y")]
    [InlineData("BG-123-X")]
    [InlineData("GB/123")]
    public void Match_AnyDifferenceOutsideTheConfusableClasses_DoesNotHit(string read) =>
        HotlistIndex.Build([Entry("nl-1", "GB-123-X")]).Match(read, At).ShouldBeEmpty();

    [Fact]
    public void Match_OutsideTheValidityWindow_DoesNotHit_WhichIsClosedAtTheStartAndOpenAtTheEnd()
    {
        var index = HotlistIndex.Build([Entry("be-1", "1-ABC-123", from: At, to: At.AddHours(2))]);

        index.Match("1ABC123", At.AddTicks(-1)).ShouldBeEmpty();
        index.Match("1ABC123", At).ShouldHaveSingleItem();
        index.Match("1ABC123", At.AddHours(2).AddTicks(-1)).ShouldHaveSingleItem();
        index.Match("1ABC123", At.AddHours(2)).ShouldBeEmpty();
    }

    [Fact]
    public void Match_ReadWithSeveralCandidates_HitsFromTheSecondCandidate()
    {
        var index = HotlistIndex.Build([Entry("fr-1", "AB-123-CD", owner: CountryCode.France)]);
        var read = PlateRead.From(At, PlateCandidate.From("AB-128-CD", 0.9), PlateCandidate.From("AB-123-CD", 0.6));

        var hit = index.Match(read).ShouldHaveSingleItem();

        (hit.Candidate, hit.Score, hit.Read.Text).ShouldBe((1, 0.6, "AB123CD"));
    }

    [Fact]
    public void Match_TwoCandidatesOfOneEntry_GiveOneHitWithTheBetterScore()
    {
        var index = HotlistIndex.Build([Entry("fr-1", "AB-123-CD")]);
        var read = PlateRead.From(At, PlateCandidate.From("A8-123-CD", 0.9), PlateCandidate.From("AB-123-CD", 0.8));

        var hit = index.Match(read).ShouldHaveSingleItem();

        (hit.Candidate, hit.Score).ShouldBe((1, 0.8));
    }

    [Fact]
    public void Match_EntriesSharingACanonicalKey_AllHit_ExactFirst()
    {
        var index = HotlistIndex.Build([Entry("a", "GB-123-X"), Entry("b", "6B-123-X", category: HotlistCategory.SisSeizure), Entry("c", "GB-123-X", from: At.AddDays(1))]);

        var hits = index.Match("GB-123-X", At);

        hits.Select(h => h.Entry.Id).ShouldBe(["a", "b"]);
    }

    [Fact]
    public void Match_MissesAndNonPlates_AllocateNothing()
    {
        var index = HotlistIndex.Build(Enumerable.Range(0, 1000).Select(i => Entry($"e{i}", $"{i:000}-XB-4")));
        index.Match("999-ZZ-9", At);

        var hits = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            hits += index.Match("123-XC-4", At).Count + index.Match("not a plate!", At).Count;
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).ShouldBe(0);
        hits.ShouldBe(0);
    }

    [Fact]
    public void With_UpsertsReplaceByIdAndRemovalsTakeOut_LeavingTheOldSnapshotAsItWas()
    {
        var old = HotlistIndex.Build([Entry("a", "GB-123-X"), Entry("b", "1-ABC-123")]);

        var next = old.With([Entry("a", "GB-999-X"), Entry("c", "AB-123-CD")], ["b"]);

        next.Count.ShouldBe(2);
        next.Match("GB-123-X", At).ShouldBeEmpty();
        next.Match("GB-999-X", At).ShouldHaveSingleItem().Entry.Id.ShouldBe("a");
        next.Match("1-ABC-123", At).ShouldBeEmpty();
        next.Match("AB-123-CD", At).ShouldHaveSingleItem();
        old.Count.ShouldBe(2);
        old.Match("GB-123-X", At).ShouldHaveSingleItem();
        old.Match("1-ABC-123", At).ShouldHaveSingleItem();
    }

    [Fact]
    public void Build_RepeatedId_KeepsTheLastEntry() =>
        HotlistIndex.Build([Entry("a", "GB-123-X"), Entry("a", "GB-999-X")]).Entries.ToArray().ShouldHaveSingleItem().Plate.Text.ShouldBe("GB999X");

    [Fact]
    public void Empty_HitsNothing() => HotlistIndex.Empty.Match("GB-123-X", At).ShouldBeEmpty();
}
