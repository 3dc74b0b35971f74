using Senningen.Contracts.Operations;
using Senningen.Core.Operations;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence.Converters;
using Senningen.Node.Features.Operations.Demo;
using Senningen.Node.Features.Operations.Positions;

namespace Senningen.Node.Tests.Operations;

/// <summary>
/// Every shipped route at every speed-up the console offers, planned as the demo plans it and checked by the node's own
/// fix rules at the moment each batch is sent (issue 21: at 4× the E19 replay stamped 520 km/h and every fix was refused).
/// </summary>
public sealed class DemoReplayTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 21, 30, 0, 123, TimeSpan.Zero);
    private static readonly Texts Texts = Texts.Load();

    public static TheoryData<string, int> RoutesAndSpeedUps()
    {
        var data = new TheoryData<string, int>();
        foreach (var route in DemoSimulator.Shipped())
        {
            foreach (var speedUp in ReplaySchedule.SpeedUps)
            {
                data.Add(route.Id, speedUp);
            }
        }

        return data;
    }

    [Fact]
    public void Shipped_RoutesNextToTheNode_AreAllTheRoutesInTheRepository()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Senningen.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("no checkout above the test");
        }

        var inRepository = Directory.GetFiles(Path.Combine(root, "data", "routes"), "*.json").Select(Path.GetFileNameWithoutExtension).Order();

        DemoSimulator.Shipped().Select(r => r.Id).Order().ShouldBe(inRepository);
        ReplaySchedule.SpeedUps.ShouldContain(1);
        ReplaySchedule.SpeedUps.Count.ShouldBeGreaterThan(1);
    }

    [Theory]
    [MemberData(nameof(RoutesAndSpeedUps))]
    public void Replay_OfAShippedRouteAtAnOfferedSpeedUp_SendsNoFixTheNodeRefuses(string routeId, int speedUp)
    {
        var route = DemoSimulator.Shipped().Single(r => r.Id == routeId);
        var plan = ReplaySchedule.Plan(route, route.Unit.CallSign, speedUp, Now);
        var startedAt = UnixMillisecondsConverter.Truncate(plan.StartedAt);
        var callSigns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [route.Unit.CallSign] = route.Unit.CallSign };
        var refused = new List<Refusal>();
        var kept = new List<PositionFix>();

        foreach (var batch in plan.Batches)
        {
            // No tolerance: stricter than the node, which allows its FutureTolerance either side.
            var (earliest, latest) = FixRules.Window(startedAt, batch.SendAt, TimeSpan.Zero);
            var inputs = batch.Fixes.Select(DemoSimulator.ToInput).ToList();
            inputs.Count.ShouldBeLessThanOrEqualTo(500, "one batch stays under the node's batch limit");
            for (var i = 0; i < inputs.Count; i++)
            {
                if (FixRules.Check(i, inputs[i], callSigns, earliest, latest, Texts, refused) is { } fix)
                {
                    kept.Add(fix);
                }
            }
        }

        refused.ShouldBeEmpty(string.Join("; ", refused.Select(r => $"{r.Reason}: {r.Fix.Problem}")));
        kept.Count.ShouldBeGreaterThan(route.Waypoints.Count / 2);
        kept.ShouldAllBe(f => f.Speed <= route.SpeedKmh);
        // The track is drivable between fixes too, not only in the speed it reports (up to 60 m of GPS noise between two fixes allowed for).
        for (var i = 1; i < kept.Count; i++)
        {
            var seconds = (kept[i].Time - kept[i - 1].Time).TotalSeconds;
            seconds.ShouldBeGreaterThan(0);
            var kmh = (kept[i - 1].Point.DistanceMetresTo(kept[i].Point) - 60) / seconds * 3.6;
            kmh.ShouldBeLessThanOrEqualTo(route.SpeedKmh * 1.01, $"fix {i}");
        }

        // The speed-up shortens the replay on the wall clock, and the last fix is from the present.
        var drive = route.LengthMetres() / (route.SpeedKmh / 3.6);
        (plan.Batches[^1].SendAt - Now).TotalSeconds.ShouldBe(drive / speedUp, 1.5);
        (plan.Batches[^1].SendAt - kept[^1].Time).TotalSeconds.ShouldBeInRange(0, 1.5);
    }
}
