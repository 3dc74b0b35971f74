using Senningen.Core.Anpr;
using Senningen.Core.Countries;

namespace Senningen.Core.Tests.Anpr;

/// <summary>
/// Deterministic realistic plates as cameras print them (separators included), in the current national formats of
/// BE, NL, FR, DE and LU, and OCR confusions of them. Shared with the <c>anpr-match</c> benchmark (linked source).
/// </summary>
internal sealed class PlateCorpus(int seed)
{
    private const string Letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string DutchLetters = "BDFGHJKLMNPRSTVXZ";
    private const string SivLetters = "ABCDEFGHJKLMNPQRSTVWXYZ";

    // Real district codes near the Benelux borders, and the big cities.
    private static readonly string[] GermanDistricts =
        ["AC", "DN", "HS", "VIE", "KLE", "BOR", "WES", "EMS", "TR", "SB", "MZG", "K", "D", "DU", "B", "M", "HH", "LÖ", "BIT", "EU", "MÜ"];

    // Each read's format: roughly the traffic of a border camera in the Benelux.
    private static readonly (int Weight, Func<Random, string> Make)[] Formats =
    [
        (22, r => $"{r.Next(1, 3)}-{Pick(r, Letters, 3)}-{Digits(r, 3)}"),
        (4, r => $"{Pick(r, Letters, 3)}-{Digits(r, 3)}"),
        (8, r => $"{Digits(r, 2)}-{Pick(r, DutchLetters, 3)}-{r.Next(1, 10)}"),
        (8, r => $"{r.Next(1, 10)}-{Pick(r, DutchLetters, 3)}-{Digits(r, 2)}"),
        (8, r => $"{Pick(r, DutchLetters, 2)}-{Digits(r, 3)}-{Pick(r, DutchLetters, 1)}"),
        (8, r => $"{Pick(r, DutchLetters, 1)}-{Digits(r, 3)}-{Pick(r, DutchLetters, 2)}"),
        (4, r => $"{Pick(r, DutchLetters, 3)}-{Digits(r, 2)}-{Pick(r, DutchLetters, 1)}"),
        (4, r => $"{Digits(r, 2)}-{Pick(r, DutchLetters, 2)}-{Pick(r, DutchLetters, 2)}"),
        (12, r => $"{Pick(r, SivLetters, 2)}-{r.Next(1, 1000):000}-{Pick(r, SivLetters, 2)}"),
        (14, r => $"{GermanDistricts[r.Next(GermanDistricts.Length)]} {Pick(r, Letters, r.Next(1, 3))} {r.Next(1, 10_000)}{(r.Next(40) == 0 ? "E" : "")}"),
        (6, r => $"{Pick(r, Letters, 2)} {Digits(r, 4)}"),
        (2, r => $"{r.Next(10_000, 100_000)}"),
    ];

    private static readonly int TotalWeight = Formats.Sum(f => f.Weight);

    // The confusable classes as OCR engines mix them up: every member may be read as any other.
    private static readonly string[] Classes = ["0ODQ", "1I", "2Z", "5S", "8B", "6G"];

    private readonly Random _random = new(seed);

    /// <summary>A plate as printed, e.g. "1-ABC-123", "GB-123-X", "AA-123-BC", "AC AB 1234", "AB 1234".</summary>
    public string Next()
    {
        while (true)
        {
            var pick = _random.Next(TotalWeight);
            foreach (var (weight, make) in Formats)
            {
                if ((pick -= weight) < 0)
                {
                    var text = make(_random);
                    if (Plate.Parse(text).Format.IsKnown)
                    {
                        return text;
                    }

                    break;
                }
            }
        }
    }

    /// <summary>The normalised plate with <paramref name="confusions"/> distinct confusable positions read as another member of their class; null when it has too few.</summary>
    public string? Confuse(string plate, int confusions)
    {
        var text = Plate.Parse(plate).Text.ToCharArray();
        var positions = Enumerable.Range(0, text.Length).Where(i => ClassOf(text[i]) is not null).OrderBy(_ => _random.Next()).Take(confusions).ToList();
        if (positions.Count < confusions)
        {
            return null;
        }

        foreach (var i in positions)
        {
            var others = ClassOf(text[i])!.Replace(text[i].ToString(), "", StringComparison.Ordinal);
            text[i] = others[_random.Next(others.Length)];
        }

        return new string(text);
    }

    public static string? ClassOf(char c) => Array.Find(Classes, k => k.Contains(c, StringComparison.Ordinal));

    public static CountryCode CountryOf(Plate plate) => plate.Format.IsKnown ? plate.Format.Country : CountryCode.Netherlands;

    private static string Pick(Random random, string set, int count) =>
        string.Create(count, (random, set), (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = state.set[state.random.Next(state.set.Length)];
            }
        });

    private static string Digits(Random random, int count) => Pick(random, "0123456789", count);
}
