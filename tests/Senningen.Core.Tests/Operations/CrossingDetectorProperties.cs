using FsCheck;
using FsCheck.Fluent;
using Senningen.Core.Operations;
using static Senningen.Core.Tests.Operations.StraightBorder;

namespace Senningen.Core.Tests.Operations;

/// <summary>The detector's outcome depends on the set of fixes only, however a batch orders or repeats them.</summary>
public sealed class CrossingDetectorProperties
{
    private static readonly CrossingDetector Detector = new(new StraightBorder(), CrossingRules.Default);

    /// <summary>A wandering track around the border: each step a move of -60…+60 m and 1…90 s (so some gaps pass the limit).</summary>
    private static List<PositionFix> Track(int[] moves)
    {
        var fixes = new List<PositionFix>(moves.Length);
        double east = 0;
        var second = 0;
        foreach (var move in moves)
        {
            east += (move % 121) - 60;
            second += 1 + (Math.Abs(move / 121) % 90 > 80 ? 89 : 0);
            fixes.Add(Fix(second, east, accuracy: Math.Abs(move) % 7 == 0 ? 80 : 5));
        }

        return fixes;
    }

    private static (UnitTrackState, List<BorderCrossing>) OneByOne(IEnumerable<PositionFix> fixes)
    {
        var crossings = new List<BorderCrossing>();
        UnitTrackState state = default;
        foreach (var fix in fixes)
        {
            state = Detector.Advance(state, fix, out var crossing);
            if (crossing is not null)
            {
                crossings.Add(crossing);
            }
        }

        return (state, crossings);
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property AnyPermutationWithDuplicates_FedAsOneBatch_GivesTheSameCrossingsAsTheTimeOrderedTrack(NonEmptyArray<int> moves, int seed)
    {
        var track = Track(moves.Get);
        var random = new Random(seed);
        var shuffled = track.Concat(track.Where(_ => random.Next(3) == 0)).OrderBy(_ => random.Next()).ToList();

        var (expectedState, expected) = OneByOne(track);
        var crossings = new List<BorderCrossing>();
        var state = Detector.Feed(default, shuffled, crossings);

        return (state == expectedState && crossings.SequenceEqual(expected)).Label($"{crossings.Count} vs {expected.Count} crossings");
    }

    [FsCheck.Xunit.Property(MaxTest = 200)]
    public Property ConsecutiveBatchesEachShuffled_GiveTheSameCrossingsAsOneBatch(NonEmptyArray<int> moves, PositiveInt batchSize, int seed)
    {
        var track = Track(moves.Get);
        var random = new Random(seed);
        var (expectedState, expected) = OneByOne(track);

        var crossings = new List<BorderCrossing>();
        UnitTrackState state = default;
        foreach (var batch in track.Chunk(1 + (batchSize.Get % 20)))
        {
            state = Detector.Feed(state, batch.OrderBy(_ => random.Next()), crossings);
        }

        return (state == expectedState && crossings.SequenceEqual(expected)).ToProperty();
    }
}
