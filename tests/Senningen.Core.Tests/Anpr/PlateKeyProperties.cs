using System.Text;
using FsCheck.Xunit;
using Senningen.Core.Anpr;

namespace Senningen.Core.Tests.Anpr;

/// <summary>
/// The canonical key against a reference: upper-case, drop separators, map each character through a small
/// dictionary of the confusable classes. Seeded (<c>Replay</c>), so every run tries the same cases.
/// </summary>
public sealed class PlateKeyProperties
{
    private const string Replay = "(20261123,296144285)";
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static readonly Dictionary<char, char> Folded = new()
    {
        ['O'] = '0', ['D'] = '0', ['Q'] = '0', ['I'] = '1', ['Z'] = '2', ['S'] = '5', ['B'] = '8', ['G'] = '6',
    };

    private static string Oracle(string text) =>
        string.Concat(text.ToUpperInvariant().Where(c => c is not (' ' or '-' or '.')).Select(c => Folded.GetValueOrDefault(c, c)));

    /// <summary>1-10 plate characters, half of them drawn from the confusable classes so that collisions are common.</summary>
    private static string RandomPlate(Random random)
    {
        var chars = new char[random.Next(1, PlateKey.MaxLength + 1)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = random.Next(2) == 0 ? "0ODQ1I2Z5S8B6G"[random.Next(14)] : Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Dressed(string plate, Random random)
    {
        var text = new StringBuilder();
        foreach (var c in plate)
        {
            text.Append(random.Next(4) == 0 ? " -."[random.Next(3)] : "");
            text.Append(random.Next(2) == 0 ? char.ToLowerInvariant(c) : c);
        }

        return text.ToString();
    }

    private static PlateKey Key(string text) => PlateKey.TryCompute(text, out var key) ? key : throw new InvalidOperationException(text);

    [Property(MaxTest = 2000, Replay = Replay)]
    public bool Canonical_IsTheReferenceFolding_AndIdempotent(int seed)
    {
        var plate = RandomPlate(new Random(seed));
        var key = Key(plate);
        return key.ToString() == Oracle(plate) && Key(key.ToString()) == key;
    }

    [Property(MaxTest = 2000, Replay = Replay)]
    public bool Canonical_IsInvariantToCaseSpacesDashesAndDots(int seed)
    {
        var random = new Random(seed);
        var plate = RandomPlate(random);
        return Key(Dressed(plate, random)) == Key(plate);
    }

    [Property(MaxTest = 5000, Replay = Replay)]
    public bool Canonical_EqualExactlyWhenThePlatesDifferOnlyWithinConfusableClasses(int seed, byte mode)
    {
        var random = new Random(seed);
        var a = RandomPlate(random);
        var b = (mode % 3) switch
        {
            0 => string.Concat(a.Select(c => random.Next(2) == 0 ? Sibling(c, random) : c)),
            1 => OneCharacterChanged(a, random),
            _ => RandomPlate(random),
        };
        return (Key(a) == Key(b)) == (Oracle(a) == Oracle(b));
    }

    [Property(MaxTest = 1000, Replay = Replay)]
    public bool Normalise_KeepsTheCharactersAndTheKeyOfTheRawText(int seed)
    {
        var random = new Random(seed);
        var plate = RandomPlate(random);
        Span<char> normalised = stackalloc char[PlateKey.MaxLength];
        var length = PlateKey.Normalise(Dressed(plate, random), normalised);
        return normalised[..length].SequenceEqual(plate) && Key(normalised[..length].ToString()) == Key(plate);
    }

    [Fact]
    public void Canonical_OcrConfusablesFallTogether()
    {
        Key("GB-DO1-Z").ShouldBe(Key("68 Q0I 2"));
        Key("5S-8B").ShouldBe(Key("SS-BB"));
        Key("AB12").ShouldNotBe(Key("AB12X"));
        Key("AB12").ShouldNotBe(Key("AB13"));
        Key("1-ABC-123").ToString().ShouldBe("1A8C123");
    }

    private static char Sibling(char c, Random random)
    {
        var members = PlateCorpus.ClassOf(c);
        return members is null ? c : members[random.Next(members.Length)];
    }

    private static string OneCharacterChanged(string plate, Random random)
    {
        var chars = plate.ToCharArray();
        chars[random.Next(chars.Length)] = Alphabet[random.Next(Alphabet.Length)];
        return new string(chars);
    }
}
