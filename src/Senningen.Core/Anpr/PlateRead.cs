using System.Diagnostics.CodeAnalysis;

namespace Senningen.Core.Anpr;

/// <summary>One OCR candidate of a read: a plate and the engine's confidence in [0, 1].</summary>
public readonly record struct PlateCandidate
{
    private PlateCandidate(Plate plate, double confidence) => (Plate, Confidence) = (plate, confidence);

    public Plate Plate { get; }

    public double Confidence { get; }

    public static bool TryCreate([NotNullWhen(true)] string? text, double confidence, out PlateCandidate candidate)
    {
        candidate = default;
        if (confidence is not (>= 0 and <= 1) || !Plate.TryParse(text, out var plate))
        {
            return false;
        }

        candidate = new PlateCandidate(plate, confidence);
        return true;
    }

    public static PlateCandidate From(string text, double confidence) =>
        TryCreate(text, confidence, out var candidate) ? candidate : throw new FormatException($"'{text}' ({confidence}) is not a plate candidate.");
}

/// <summary>
/// A camera's read: when it was taken and the OCR candidates, best first, as engines such as OpenALPR emit them.
/// Every candidate is matched. Parsed once, so matching a read only probes keys.
/// </summary>
public sealed class PlateRead
{
    private readonly PlateCandidate[] _candidates;

    private PlateRead(DateTimeOffset at, PlateCandidate[] candidates) => (At, _candidates) = (at, candidates);

    public DateTimeOffset At { get; }

    public ReadOnlySpan<PlateCandidate> Candidates => _candidates;

    /// <summary>A read with at least one candidate, none of them <c>default</c>.</summary>
    public static bool TryCreate(DateTimeOffset at, IEnumerable<PlateCandidate> candidates, [NotNullWhen(true)] out PlateRead? read)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        PlateCandidate[] all = [.. candidates];
        read = all.Length > 0 && Array.TrueForAll(all, c => c.Plate.IsValid) ? new PlateRead(at, all) : null;
        return read is not null;
    }

    public static PlateRead From(DateTimeOffset at, params PlateCandidate[] candidates) =>
        TryCreate(at, candidates, out var read) ? read : throw new ArgumentException("A read needs at least one valid candidate.", nameof(candidates));
}
