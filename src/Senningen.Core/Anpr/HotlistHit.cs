namespace Senningen.Core.Anpr;

/// <summary>A position where the read character stood for a different, confusable listed character (read '0', listed 'D').</summary>
public readonly record struct CharConfusion(int Position, char Read, char Listed);

/// <summary>
/// A read that matched a listed plate. <see cref="Score"/> is the candidate's confidence times
/// <see cref="ConfusionFactor"/> for each confused position: 1.0 is an exact read at full confidence.
/// </summary>
public sealed record HotlistHit(HotlistEntry Entry, Plate Read, int Candidate, double Score, IReadOnlyList<CharConfusion> Confusions)
{
    /// <summary>What one OCR confusion costs the score: two confusions at full confidence score 0.72.</summary>
    public const double ConfusionFactor = 0.85;

    public bool IsExact => Confusions.Count == 0;

    public HotlistAction Action => Entry.Action;

    public HotlistCategory Category => Entry.Category;

    public Countries.CountryCode Owner => Entry.Owner;
}
