using Senningen.Core.Operations;

namespace Senningen.Core.Tests.Operations;

/// <summary>
/// The demo's replay plan: road speed and true times at every speed-up, the pursuit begun early enough that no fix is
/// sent before its time, and the wall-clock length divided by the speed-up.
/// </summary>
public sealed class ReplayScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 22, 0, 0, 500, TimeSpan.Zero);

    public static TheoryData<string, int> Routes() => new()
    {
        { "e19-antwerpen-breda", 1 }, { "e19-antwerpen-breda", 4 }, { "e19-antwerpen-breda", 10 },
        { "baarle-enclaves", 1 }, { "baarle-enclaves", 10 },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void Plan_SendsEachFixNoEarlierThanItsTime_AtRoadSpeed_AndTakesTheDriveDividedByTheSpeedUp(string id, int speedUp)
    {
        var route = RealGeography.Route(id);
        var drive = route.LengthMetres() / (route.SpeedKmh / 3.6);

        var plan = ReplaySchedule.Plan(route, "U1", speedUp, Now, noiseMetres: 0);

        (Now - plan.StartedAt).TotalSeconds.ShouldBe(drive * (1 - (1.0 / speedUp)), 0.01);
        plan.Batches[0].Fixes[0].Time.ShouldBe(plan.StartedAt);
        plan.Batches[0].SendAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(Now.ToUnixTimeMilliseconds()));
        plan.Batches.Zip(plan.Batches.Skip(1)).ShouldAllBe(p => p.First.SendAt < p.Second.SendAt);
        plan.Batches.ShouldAllBe(b => b.Fixes.All(f => f.Time <= b.SendAt && f.Speed == route.SpeedKmh));
        plan.Batches.ShouldAllBe(b => b.Fixes.Count <= speedUp + 1);
        (plan.Batches[^1].SendAt - Now).TotalSeconds.ShouldBe(drive / speedUp, 1);
        plan.Batches[^1].Fixes[^1].Point.ShouldBe(route.Waypoints[^1]);
    }

    [Fact]
    public void Plan_AtOneTimesSpeed_StartsNow_AndSendsOneFixASecond()
    {
        var route = RealGeography.Route("e411-arlon-luxembourg");

        var plan = ReplaySchedule.Plan(route, "U1", 1, Now, noiseMetres: 0);

        plan.StartedAt.ShouldBe(DateTimeOffset.FromUnixTimeMilliseconds(Now.ToUnixTimeMilliseconds()));
        plan.Batches.Take(plan.Batches.Count - 1).ShouldAllBe(b => b.Fixes.Count == 1 && b.Fixes[0].Time == b.SendAt);
    }

    [Fact]
    public void Plan_WithASpeedUpBelowOne_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => ReplaySchedule.Plan(RealGeography.Route("baarle-enclaves"), "U1", 0, Now));
}
