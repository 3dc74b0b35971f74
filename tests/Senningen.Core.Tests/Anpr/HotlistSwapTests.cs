using Senningen.Core.Anpr;
using static Senningen.Core.Tests.Anpr.HotlistIndexTests;

namespace Senningen.Core.Tests.Anpr;

public sealed class HotlistSwapTests
{
    [Fact]
    public async Task Update_WhileReadersMatch_ReadersKeepHittingWhatEverySnapshotListsAndNeverBlock()
    {
        var hotlist = new Hotlist(HotlistIndex.Build(Enumerable.Range(0, 20_000).Select(i => Entry($"e{i}", $"{i:00000}-XB"))
            .Append(Entry("always", "GB-123-X"))));
        using var stop = new CancellationTokenSource();
        var reader = async () =>
        {
            await Task.Yield();
            var (reads, alwaysMissed, toggledSeen) = (0, 0, 0);
            while (!stop.IsCancellationRequested || reads == 0)
            {
                var snapshot = hotlist.Current;
                alwaysMissed += snapshot.Match("6B-I23-X", At).Count == 1 ? 0 : 1;
                toggledSeen += snapshot.Match("1-ABC-123", At).Count;
                reads++;
            }

            return (reads, alwaysMissed, toggledSeen);
        };
        var readers = new[] { Task.Run(reader), Task.Run(reader) };

        for (var update = 0; update < 40; update++)
        {
            hotlist.Update(update % 2 == 0 ? [Entry("toggled", "1-ABC-123")] : [], update % 2 == 0 ? [] : ["toggled"]);
        }

        await stop.CancelAsync();
        var results = await Task.WhenAll(readers);

        results.ShouldAllBe(r => r.alwaysMissed == 0 && r.reads > 0);
        hotlist.Current.Count.ShouldBe(20_001);
        hotlist.Current.Match("1-ABC-123", At).ShouldBeEmpty();
    }

    [Fact]
    public void Replace_SwapsInAWholeNewSnapshot_AndReturnsTheOldOne()
    {
        var first = HotlistIndex.Build([Entry("a", "GB-123-X")]);
        var hotlist = new Hotlist(first);

        hotlist.Replace(HotlistIndex.Empty).ShouldBeSameAs(first);

        hotlist.Current.Match("GB-123-X", At).ShouldBeEmpty();
    }
}
