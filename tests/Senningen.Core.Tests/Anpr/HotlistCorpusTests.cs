using Senningen.Core.Anpr;
using static Senningen.Core.Tests.Anpr.HotlistIndexTests;

namespace Senningen.Core.Tests.Anpr;

/// <summary>A generated list of 100,000 realistic BE, NL, FR, DE and LU plates, read as OCR engines read them.</summary>
public sealed class HotlistCorpusTests(ITestOutputHelper output)
{
    private const int Listed = 100_000;
    private const int Strangers = 400_000;

    private static readonly Lazy<(string[] Plates, HotlistIndex Index)> Corpus = new(() =>
    {
        var corpus = new PlateCorpus(seed: 5);
        var plates = Enumerable.Range(0, Listed).Select(_ => corpus.Next()).ToArray();
        return (plates, HotlistIndex.Build(plates.Select((p, i) => Entry($"e{i}", p, owner: PlateCorpus.CountryOf(Plate.Parse(p))))));
    });

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Match_ListedPlatesReadWithOcrConfusions_AllHit(int confusions)
    {
        var (plates, index) = Corpus.Value;
        var ocr = new PlateCorpus(seed: 6 + confusions);
        var (read, missed) = (0, new List<string>());
        for (var i = 0; i < plates.Length; i++)
        {
            var misread = ocr.Confuse(plates[i], confusions);
            if (misread is null)
            {
                continue;
            }

            read++;
            var hits = index.Match(misread, At, confidence: 0.8);
            if (!hits.Any(h => h.Entry.Id == $"e{i}" && h.Confusions.Count == confusions))
            {
                missed.Add($"{plates[i]} read as {misread}");
            }
        }

        output.WriteLine($"{read:N0} of {plates.Length:N0} listed plates have {confusions} confusable position(s); all were read so and matched.");
        read.ShouldBeGreaterThan(plates.Length / 2);
        missed.ShouldBeEmpty();
    }

    /// <summary>
    /// The only tolerance is the confusable classes, so an unlisted plate hits exactly when its canonical key is a
    /// listed plate's: the index must agree with the reference folding read by read. Measured (seeds 5 and 99):
    /// 219 of 400,000 = 0.055 %. Within a format most classes cannot collide (a letter position never holds a digit),
    /// so collisions need D/O/Q at letter positions or two same-length formats interleaving letters and digits
    /// differently. Bound 0.1 %: a border camera passing 2,000 vehicles an hour raises at most two such alerts an
    /// hour, each shown with its confused positions and a lowered score.
    /// </summary>
    [Fact]
    public void Match_UnlistedRealisticPlates_FalseHitOnlyOnCanonicalKeyCollisions_BelowOneInAThousand()
    {
        var (plates, index) = Corpus.Value;
        var listedText = plates.Select(p => Plate.Parse(p).Text).ToHashSet();
        var listedKeys = plates.Select(p => Reference(Plate.Parse(p).Text)).ToHashSet();
        var corpus = new PlateCorpus(seed: 99);
        var (reads, hits, collisions) = (0, 0, 0);
        while (reads < Strangers)
        {
            var text = Plate.Parse(corpus.Next()).Text;
            if (listedText.Contains(text))
            {
                continue;
            }

            reads++;
            hits += index.Match(text, At).Count > 0 ? 1 : 0;
            collisions += listedKeys.Contains(Reference(text)) ? 1 : 0;
        }

        var rate = (double)hits / reads;
        output.WriteLine($"false hits: {hits:N0} of {reads:N0} unlisted plates against {Listed:N0} listed = {rate:P4}; reference key collisions {collisions:N0}");
        hits.ShouldBe(collisions);
        rate.ShouldBeLessThan(0.001);
    }

    private static string Reference(string normalised) => string.Concat(normalised.Select(PlateKey.Fold));
}
