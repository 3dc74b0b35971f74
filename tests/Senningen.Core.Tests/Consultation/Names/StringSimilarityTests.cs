using FsCheck.Xunit;
using Senningen.Core.Consultation.Names;

namespace Senningen.Core.Tests.Consultation.Names;

/// <summary>Jaro–Winkler on the textbook pairs, and the OSA distance against a plain full-table reference.</summary>
public sealed class StringSimilarityTests
{
    private const string Replay = "(20261123,770431)";

    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("jansen", "jansen", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "", 1.0)]
    [InlineData("a", "", 0.0)]
    public void JaroWinkler_TextbookPairs(string a, string b, double expected) =>
        StringSimilarity.JaroWinkler(a, b).ShouldBe(expected, 0.0005);

    [Theory]
    [InlineData("peeters", "peters", 1)] // a letter dropped
    [InlineData("peeters", "peetres", 1)] // two adjacent letters swapped
    [InlineData("dubois", "duboit", 1)] // one substituted
    [InlineData("vermeulen", "vremeulen", 1)]
    [InlineData("wouters", "woutres", 1)]
    [InlineData("claes", "cleas", 1)]
    [InlineData("abc", "ca", 3)] // OSA does not edit a swapped pair again
    [InlineData("", "maes", 4)]
    [InlineData("janssens", "jansen", 2)]
    public void Distance_TyposAndTranspositions(string a, string b, int expected)
    {
        StringSimilarity.Distance(a, b).ShouldBe(expected);
        StringSimilarity.Distance(b, a).ShouldBe(expected);
    }

    [Fact]
    public void Distance_WithALimit_StopsAtLimitPlusOne() => StringSimilarity.Distance("vandenberghe", "martens", 2).ShouldBe(3);

    [Property(MaxTest = 2000, Replay = Replay)]
    public bool JaroWinkler_IsSymmetric_InZeroOne_AndOneOnlyForEqualStrings(int seed)
    {
        var random = new Random(seed);
        var (a, b) = (Word(random), random.Next(3) == 0 ? Typo(Word(random), random) : Word(random));
        var (ab, ba) = (StringSimilarity.JaroWinkler(a, b), StringSimilarity.JaroWinkler(b, a));
        return ab == ba && ab is >= 0 and <= 1 && (ab == 1) == (a == b) && StringSimilarity.JaroWinkler(a, a) == 1;
    }

    [Property(MaxTest = 2000, Replay = Replay)]
    public bool Distance_IsTheReference_WithOrWithoutALimit(int seed, byte limit)
    {
        var random = new Random(seed);
        var a = Word(random);
        var b = random.Next(2) == 0 ? Typo(Typo(a, random), random) : Word(random);
        var expected = Reference(a, b);
        var bound = limit % 5;
        return StringSimilarity.Distance(a, b) == expected && StringSimilarity.Distance(a, b, bound) == Math.Min(expected, bound + 1)
            && StringSimilarity.Distance(b, a) == expected;
    }

    [Property(MaxTest = 1000, Replay = Replay)]
    public bool Distance_OfOneTypo_IsAtMostOne(int seed)
    {
        var random = new Random(seed);
        var a = Word(random);
        return StringSimilarity.Distance(a, Typo(a, random)) <= 1;
    }

    private static string Word(Random random) =>
        new([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => "aeinorstvdjkl"[random.Next(13)])]);

    /// <summary>One insertion, deletion, substitution or swap of two adjacent letters.</summary>
    internal static string Typo(string word, Random random)
    {
        var at = random.Next(word.Length + 1);
        return random.Next(4) switch
        {
            0 => word.Insert(at, "x"),
            1 when at < word.Length => word.Remove(at, 1),
            2 when at < word.Length => word[..at] + "q" + word[(at + 1)..],
            3 when at + 1 < word.Length => word[..at] + word[at + 1] + word[at] + word[(at + 2)..],
            _ => word,
        };
    }

    /// <summary>Optimal string alignment over the whole table, no early exit: the oracle.</summary>
    private static int Reference(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = new[] { d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1) }.Min();
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
