using Senningen.Core.Countries;
using Senningen.Core.Geo;
using Senningen.Core.Operations;
using Senningen.Core.Treaty;

namespace Senningen.Core.Tests.Operations;

public sealed class RouteReplayTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly LocalizedText Text = new("t", "t", "t", "t");

    /// <summary>1,000 m north, then 500 m east.</summary>
    private static PursuitRoute Route(double speedKmh = 36)
    {
        var a = GeoPoint.From(51.0, 4.0);
        var b = GeoPoint.From(51.0 + (1000 / 111_195.08), 4.0);
        var c = GeoPoint.From(b.Latitude, 4.0 + (500 / (111_195.08 * Math.Cos(double.DegreesToRadians(b.Latitude)))));
        return new PursuitRoute("t", Text, CountryCode.Belgium, null, new RouteUnit("U-1", "car", 2), [], Text, Text, speedKmh, [a, b, b, c]);
    }

    [Fact]
    public void Fixes_AtTheRouteSpeed_AreOneIntervalAndOneStepApart_AndEndAtTheLastWaypoint()
    {
        var fixes = RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start)).ToList();

        // 1,500 m at 10 m/s: fixes at 0 … 150 s.
        fixes.Count.ShouldBe(151);
        fixes[0].Point.ShouldBe(Route().Waypoints[0]);
        fixes[^1].Point.ShouldBe(Route().Waypoints[^1]);
        fixes[^1].Time.ShouldBe(Start.AddSeconds(150));
        fixes.Zip(fixes.Skip(1)).ShouldAllBe(p => p.Second.Time - p.First.Time == TimeSpan.FromSeconds(1));
        fixes[37].Point.DistanceMetresTo(fixes[38].Point).ShouldBe(10, 0.05);
        fixes.ShouldAllBe(f => f.Unit == "U-1" && f.Speed == 36 && f.Accuracy == 5);
    }

    [Fact]
    public void Fixes_HeadingFollowsTheSegmentBeingDriven()
    {
        var fixes = RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start)).ToList();

        fixes[50].Heading!.Value.ShouldBe(0, 0.01);
        fixes[120].Heading!.Value.ShouldBe(90, 0.01);
    }

    [Fact]
    public void Fixes_WhenTheEndFallsBetweenTicks_TheLastFixIsStampedWhenTheEndIsReached()
    {
        var fixes = RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start, SpeedKmh: 36, Interval: TimeSpan.FromSeconds(7))).ToList();

        fixes[^1].Point.ShouldBe(Route().Waypoints[^1]);
        fixes[^1].Time.ShouldBe(Start.AddSeconds(150), TimeSpan.FromMilliseconds(1));
        fixes[^2].Time.ShouldBe(Start.AddSeconds(147));
    }

    [Fact]
    public void Fixes_WithNoise_AreScatteredByAboutTheNoise_AndRepeatForTheSameSeed()
    {
        var clean = RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start)).ToList();
        var noisy = RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start, NoiseMetres: 8, Seed: 3)).ToList();
        var again = RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start, NoiseMetres: 8, Seed: 3)).ToList();

        noisy.ShouldBe(again);
        var errors = clean.Zip(noisy, (c, n) => c.Point.DistanceMetresTo(n.Point)).ToList();
        var rms = Math.Sqrt(errors.Average(e => e * e));
        rms.ShouldBe(8 * Math.Sqrt(2), 3);
    }

    [Fact]
    public void Fixes_WithABadSpeedOrInterval_AreRefused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start, SpeedKmh: 0)));
        Should.Throw<ArgumentOutOfRangeException>(() => RouteReplay.Fixes(Route(), new ReplayOptions("U-1", Start, Interval: TimeSpan.Zero)));
    }
}
