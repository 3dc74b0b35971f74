using Senningen.Core.Anpr;
using Senningen.Core.Tests.Anpr;

namespace Senningen.Bench.Anpr;

/// <summary>
/// The data set of the <c>anpr-match</c> suite: a hotlist of realistic BE, NL, FR, DE and LU plates and a stream of
/// reads as an engine emits them (upper case, no separators): 99 % plates not listed, 1 % listed ones, half of those
/// with one OCR confusion. Deterministic by seed, from the tests' <see cref="PlateCorpus"/>.
/// </summary>
internal sealed class AnprReads
{
    public static readonly DateTimeOffset At = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private AnprReads(HotlistEntry[] entries, string[] texts, PlateRead[] parsed, int listedReads)
    {
        (Entries, Texts, Parsed, ListedReads) = (entries, texts, parsed, listedReads);
    }

    public HotlistEntry[] Entries { get; }

    public string[] Texts { get; }

    public PlateRead[] Parsed { get; }

    /// <summary>Reads taken from the list (exact or confused); the rest are other plates, of which a few collide.</summary>
    public int ListedReads { get; }

    public static AnprReads Generate(int listed, int reads, int seed)
    {
        var corpus = new PlateCorpus(seed);
        var listedText = new HashSet<string>(listed, StringComparer.Ordinal);
        var entries = new HotlistEntry[listed];
        for (var i = 0; i < listed; i++)
        {
            var plate = Plate.Parse(corpus.Next());
            listedText.Add(plate.Text);
            // One entry in 50 expired before the reads: it must not hit.
            var from = At.AddDays(-(i % 365) - 1);
            entries[i] = new HotlistEntry($"e{i}", plate, (HotlistCategory)(1 + (i % 8)), (HotlistAction)(1 + (i % 4)),
                from, i % 50 == 0 ? from.AddHours(12) : DateTimeOffset.MaxValue, PlateCorpus.CountryOf(plate));
        }

        var others = new PlateCorpus(seed + 1);
        var random = new Random(seed + 2);
        var texts = new string[reads];
        var listedReads = 0;
        for (var r = 0; r < reads; r++)
        {
            if (random.Next(100) == 0)
            {
                var plate = entries[random.Next(listed)].Plate.Text;
                texts[r] = random.Next(2) == 0 ? plate : others.Confuse(plate, 1) ?? plate;
                listedReads++;
                continue;
            }

            string text;
            do
            {
                text = Plate.Parse(others.Next()).Text;
            }
            while (listedText.Contains(text));
            texts[r] = text;
        }

        var parsed = Array.ConvertAll(texts, t => PlateRead.From(At, PlateCandidate.From(t, 0.9)));
        return new AnprReads(entries, texts, parsed, listedReads);
    }
}
