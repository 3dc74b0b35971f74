using System.Text.Json;
using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Core.Operations;
using static Senningen.Core.Tests.Operations.StraightBorder;

namespace Senningen.Core.Tests.Operations;

public sealed class CrossingDetectorTests
{
    private static readonly CrossingDetector Detector = new(new StraightBorder(), CrossingRules.Default);

    private static (UnitTrackState State, List<BorderCrossing> Crossings) Run(IEnumerable<PositionFix> fixes, CrossingDetector? detector = null)
    {
        var crossings = new List<BorderCrossing>();
        var state = (detector ?? Detector).Feed(default, fixes, crossings);
        return (state, crossings);
    }

    /// <summary>Drives east at 10 m a second from <paramref name="fromMetres"/>, one fix a second.</summary>
    private static IEnumerable<PositionFix> DriveEast(double fromMetres, int seconds, int startSecond = 0) =>
        Enumerable.Range(0, seconds).Select(i => Fix(startSecond + i, fromMetres + (10 * i)));

    [Fact]
    public void Feed_FirstUsableFix_PlacesTheUnitWithoutACrossing()
    {
        var (state, crossings) = Run([Fix(0, -500)]);

        crossings.ShouldBeEmpty();
        state.Country.ShouldBe("BE");
        state.Zone.ShouldBe("BE-VAN");
        state.Since.ShouldBe(T0);
    }

    [Fact]
    public void Feed_RealCrossing_IsConfirmedAfterThreeFixesInside_AtTheFirstOfThem()
    {
        // Fixes at -200 … +190 m: the first in NL is at +0 m (second 20), the third beyond 30 m confirms.
        var (state, crossings) = Run(DriveEast(-200, 40));

        var crossing = crossings.ShouldHaveSingleItem();
        crossing.From.ShouldBe(CountryCode.Belgium);
        crossing.To.ShouldBe(CountryCode.Netherlands);
        crossing.FromZone.ShouldBe("BE-VAN");
        crossing.ToZone.ShouldBe("NL-RE08");
        crossing.At.ShouldBe(T0.AddSeconds(20));
        crossing.IsCountryChange.ShouldBeTrue();
        state.Country.ShouldBe("NL");
        state.Candidate.ShouldBeNull();
    }

    [Fact]
    public void Advance_TwoFixesInside_IsNotYetACrossing_AndTheThirdConfirms()
    {
        var state = Detector.Advance(default, Fix(0, -100), out _);
        state = Detector.Advance(state, Fix(1, 40), out var first);
        state = Detector.Advance(state, Fix(2, 50), out var second);
        state = Detector.Advance(state, Fix(3, 60), out var third);

        first.ShouldBeNull();
        second.ShouldBeNull();
        third.ShouldNotBeNull().At.ShouldBe(T0.AddSeconds(1));
        state.Country.ShouldBe("NL");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Feed_BriefExcursionAcrossTheBorder_IsNotConfirmed(int fixesAcross)
    {
        var fixes = new List<PositionFix> { Fix(0, -100), Fix(1, -50) };
        fixes.AddRange(Enumerable.Range(0, fixesAcross).Select(i => Fix(2 + i, 200)));
        fixes.Add(Fix(2 + fixesAcross, -50));
        fixes.Add(Fix(3 + fixesAcross, 200));

        var (state, crossings) = Run(fixes);

        crossings.ShouldBeEmpty();
        state.Country.ShouldBe("BE");
        state.Candidate.ShouldNotBeNull().Fixes.ShouldBe(1);
    }

    [Fact]
    public void Feed_CarDrivingAlongTheBorderWithGpsNoise_NeverFlaps()
    {
        // Ten minutes north along the border line, the fixes scattered ±25 m either side (uniform, seeded).
        var random = new Random(4);
        var fixes = Enumerable.Range(1, 600).Select(i => Fix(i, -3 + (random.NextDouble() * 50) - 25, 8.0 * i)).Prepend(Fix(0, -200));

        var (state, crossings) = Run(fixes);

        crossings.ShouldBeEmpty();
        state.Country.ShouldBe("BE");
    }

    [Fact]
    public void Feed_FixesInsideButCloseToTheBorder_ConfirmOnlyOnceOneIsClear_StillDatedAtTheFirst()
    {
        // Creeping along 10–20 m inside NL for a while, then turning away from the border.
        var fixes = new List<PositionFix> { Fix(0, -100) };
        fixes.AddRange(Enumerable.Range(1, 10).Select(i => Fix(i, 10 + i, 20.0 * i)));
        fixes.Add(Fix(11, 35, 220));

        var (_, crossings) = Run(fixes);

        var crossing = crossings.ShouldHaveSingleItem();
        crossing.At.ShouldBe(T0.AddSeconds(1));
    }

    [Fact]
    public void Feed_FixClearOfTheBorderButNotOfItsOwnAccuracy_DoesNotConfirm()
    {
        var (state, crossings) = Run([Fix(0, -100), Fix(1, 40, accuracy: 45), Fix(2, 42, accuracy: 45), Fix(3, 44, accuracy: 45)]);

        crossings.ShouldBeEmpty();
        state.Candidate.ShouldNotBeNull().Fixes.ShouldBe(3);
    }

    [Fact]
    public void Feed_FixesWorseThanTheAccuracyLimit_NeitherCountNorBreakTheRun()
    {
        var (_, crossings) = Run([Fix(0, -100), Fix(1, 100), Fix(2, -300, accuracy: 400), Fix(3, 110, accuracy: 999), Fix(4, 120)]);

        crossings.ShouldBeEmpty();

        var (_, more) = Run([Fix(0, -100), Fix(1, 100), Fix(2, -300, accuracy: 400), Fix(3, 110), Fix(4, 120)]);
        more.ShouldHaveSingleItem().At.ShouldBe(T0.AddSeconds(1));
    }

    [Fact]
    public void Feed_GapLongerThanTheLimit_RestartsTheCandidateAtTheFixAfterTheGap()
    {
        var (_, crossings) = Run([Fix(0, -100), Fix(1, 100), Fix(2, 110), Fix(200, 500), Fix(201, 510), Fix(202, 520)]);

        crossings.ShouldHaveSingleItem().At.ShouldBe(T0.AddSeconds(200));
    }

    [Fact]
    public void Feed_GapWithinTheLimit_KeepsTheCandidate()
    {
        var (_, crossings) = Run([Fix(0, -100), Fix(1, 100), Fix(2, 110), Fix(50, 500)]);

        crossings.ShouldHaveSingleItem().At.ShouldBe(T0.AddSeconds(1));
    }

    [Fact]
    public void Feed_ZoneChangeInsideACountry_IsConfirmedWithTheSameHysteresis_AndDoesNotFlap()
    {
        var split = (ZoneSplitLatitude - OriginLatitude) * 111_320;
        var noisy = new Random(7);
        var fixes = new List<PositionFix> { Fix(0, 1000) };
        fixes.AddRange(Enumerable.Range(1, 300).Select(i => Fix(i, 1000 + (10.0 * i), split + (noisy.NextDouble() * 16) - 8)));
        fixes.AddRange(Enumerable.Range(301, 5).Select(i => Fix(i, 4000, split + (20.0 * (i - 300)))));

        var (state, crossings) = Run(fixes);

        var crossing = crossings.ShouldHaveSingleItem();
        crossing.IsCountryChange.ShouldBeFalse();
        (crossing.From, crossing.FromZone, crossing.ToZone).ShouldBe((CountryCode.Netherlands, "NL-RE08", "NL-RE09"));
        crossing.At.ShouldBe(T0.AddSeconds(301));
        state.Zone.ShouldBe("NL-RE09");
    }

    [Fact]
    public void Feed_SharedWatersOfTheCurrentCountry_CountAsStillInIt()
    {
        // The LU–DE condominium: DE with LU as AlsoIn, deep inside, does not take a unit from LU to DE.
        var river = new FuncLocator(p => p.Longitude < 6.4
            ? new GeoLocation(CountryCode.Luxembourg, null, "LU", false, 500, "DE|LU")
            : new GeoLocation(CountryCode.Germany, CountryCode.Luxembourg, null, false, 500, "DE|LU"));
        var detector = new CrossingDetector(river, CrossingRules.Default);
        var fixes = Enumerable.Range(0, 10).Select(i => new PositionFix("BOAT-1", GeoPoint.From(49.7, 6.3 + (0.05 * Math.Min(i, 3))), T0.AddSeconds(i), 20, 90, 5));

        var (state, crossings) = Run(fixes, detector);

        crossings.ShouldBeEmpty();
        state.Country.ShouldBe("LU");
        state.Candidate.ShouldBeNull();
    }

    [Fact]
    public void Feed_PointsInNoCountry_ConfirmNothing_AndAreNeutral()
    {
        var sea = new FuncLocator(p => p.Longitude < 4.0
            ? new GeoLocation(null, null, null, false, 0, null)
            : new StraightBorder().Locate(p));
        var detector = new CrossingDetector(sea, CrossingRules.Default);
        PositionFix Offshore(int s) => new("BRAVO-1", GeoPoint.From(51.45, 3.5), T0.AddSeconds(s), 50, 90, 5);

        var (state, crossings) = Run([Fix(0, -100), Offshore(1), Offshore(2), Offshore(3), Offshore(4)], detector);
        crossings.ShouldBeEmpty();
        state.Country.ShouldBe("BE");

        var (_, across) = Run([Fix(0, -100), Fix(1, 100), Offshore(2), Fix(3, 110), Offshore(4), Fix(5, 120)], detector);
        across.ShouldHaveSingleItem().At.ShouldBe(T0.AddSeconds(1));
    }

    [Fact]
    public void Feed_FixesNotLaterThanTheLastFed_DoNotReopenHistory()
    {
        var (state, crossings) = Run(DriveEast(-200, 40));
        crossings.Count.ShouldBe(1);

        // A late batch that would have shown the unit back in BE around the crossing changes nothing.
        var late = new List<BorderCrossing>();
        var after = Detector.Feed(state, [Fix(21, -300), Fix(22, -310), Fix(23, -320), Fix(39, -330)], late);

        late.ShouldBeEmpty();
        after.ShouldBe(state);
    }

    [Fact]
    public void Feed_FixesOfTwoUnitsAtOnce_IsRefused() =>
        Should.Throw<ArgumentException>(() => Run([Fix(0, 0), Fix(1, 0, unit: "BRAVO-2")]));

    [Fact]
    public void UnitTrackState_WithAPendingCandidate_RoundTripsThroughJson()
    {
        var (state, _) = Run([Fix(0, -100), Fix(1, 100)]);

        var json = JsonSerializer.Serialize(state);
        JsonSerializer.Deserialize<UnitTrackState>(json).ShouldBe(state);
        state.Candidate.ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0, 30, 50, 60)]
    [InlineData(3, -1, 50, 60)]
    [InlineData(3, 30, 0, 60)]
    [InlineData(3, 30, 50, 0)]
    public void CrossingRules_OutOfRange_NameTheirProblem_AndTheDetectorRefusesThem(int fixes, double distance, double accuracy, int gapSeconds)
    {
        var rules = new CrossingRules(fixes, distance, accuracy, TimeSpan.FromSeconds(gapSeconds));

        rules.Problem().ShouldNotBeNull();
        Should.Throw<ArgumentException>(() => new CrossingDetector(new StraightBorder(), rules));
    }
}
