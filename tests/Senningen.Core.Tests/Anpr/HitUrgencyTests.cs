using Senningen.Core.Anpr;

namespace Senningen.Core.Tests.Anpr;

public sealed class HitUrgencyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 21, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(HotlistAction.Seize, HitUrgency.Intervene)]
    [InlineData(HotlistAction.StopAndCheck, HitUrgency.Check)]
    [InlineData(HotlistAction.DiscreetCheck, HitUrgency.Check)]
    [InlineData(HotlistAction.ReportOnly, HitUrgency.Report)]
    public void Of_EachAction_HasItsUrgency(HotlistAction action, HitUrgency expected) =>
        HitUrgencies.Of(action).ShouldBe(expected);

    [Fact]
    public void Of_EveryDefinedAction_HasAnUrgency_AndOnlyReportOnlyIsAReport()
    {
        var urgencies = Enum.GetValues<HotlistAction>().ToDictionary(a => a, HitUrgencies.Of);

        urgencies.Where(u => u.Value == HitUrgency.Report).Select(u => u.Key).ShouldBe([HotlistAction.ReportOnly]);
        Should.Throw<ArgumentOutOfRangeException>(() => HitUrgencies.Of((HotlistAction)99));
    }

    [Fact]
    public void CompareForBoard_AnOldSeizure_ComesBeforeAFreshCheck_WhichComesBeforeAFreshReport()
    {
        var groups = new[]
        {
            new HitGroupOrder(HotlistAction.ReportOnly, At, "report"),
            new HitGroupOrder(HotlistAction.DiscreetCheck, At.AddMinutes(-1), "check"),
            new HitGroupOrder(HotlistAction.Seize, At.AddHours(-11), "seize"),
        };

        var ordered = groups.Order(Comparer<HitGroupOrder>.Create(HitUrgencies.CompareForBoard)).Select(g => g.EntryKey);

        ordered.ShouldBe(["seize", "check", "report"]);
    }

    [Fact]
    public void CompareForBoard_WithinOneUrgency_TheLatestSightingFirst_BothKindsOfCheckTogether_AndEqualGroupsByEntry()
    {
        var groups = new[]
        {
            new HitGroupOrder(HotlistAction.StopAndCheck, At.AddMinutes(-30), "stop-old"),
            new HitGroupOrder(HotlistAction.DiscreetCheck, At, "discreet-new-b"),
            new HitGroupOrder(HotlistAction.DiscreetCheck, At, "discreet-new-a"),
            new HitGroupOrder(HotlistAction.StopAndCheck, At.AddMinutes(-5), "stop-new"),
        };

        var ordered = groups.Order(Comparer<HitGroupOrder>.Create(HitUrgencies.CompareForBoard)).Select(g => g.EntryKey);

        ordered.ShouldBe(["discreet-new-a", "discreet-new-b", "stop-new", "stop-old"]);
    }

    [Fact]
    public void CompareForBoard_IsAnOrder_AGroupEqualsItself_AndSwappingReversesTheSign()
    {
        var a = new HitGroupOrder(HotlistAction.Seize, At, "a");
        var b = new HitGroupOrder(HotlistAction.ReportOnly, At.AddHours(1), "b");

        HitUrgencies.CompareForBoard(a, a).ShouldBe(0);
        HitUrgencies.CompareForBoard(a, b).ShouldBeNegative();
        HitUrgencies.CompareForBoard(b, a).ShouldBePositive();
    }
}
