using System.Diagnostics.CodeAnalysis;
using Senningen.Core.Countries;

namespace Senningen.Core.Anpr;

/// <summary>
/// A licence plate as read or listed: normalised once to upper-case [A-Z0-9] without separators (at most
/// <see cref="PlateKey.MaxLength"/>), with its canonical <see cref="Key"/> and its national <see cref="Format"/>
/// (<see cref="PlateFormat.Unknown"/> for foreign and special plates, which are accepted all the same). Built only
/// through <see cref="TryParse(string?, CountryCode, out Plate)"/> or <see cref="Parse"/>; <c>default</c> is invalid.
/// </summary>
public readonly record struct Plate
{
    private Plate(string text, PlateKey key, PlateFormat format)
    {
        Text = text;
        Key = key;
        Format = format;
    }

    /// <summary>The normalised characters, e.g. "1ABC123" for "1-abc-123"; null only for <c>default</c>.</summary>
    public string Text { get; }

    /// <summary>The key shared by every plate that differs from this one only within OCR-confusable classes.</summary>
    public PlateKey Key { get; }

    public PlateFormat Format { get; }

    public bool IsValid => Text is not null;

    /// <summary>Accepts any text of plate characters and separators; the format is recognised over all countries.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Plate plate) => TryParse(text, default, out plate);

    /// <summary>
    /// Accepts letters (any case, German umlauts written plain), digits, spaces, dashes and dots, 1 to 10 plate
    /// characters; rejects anything else. A valid <paramref name="country"/> restricts the format to that country's.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, CountryCode country, out Plate plate)
    {
        plate = default;
        Span<char> normalised = stackalloc char[PlateKey.MaxLength];
        var length = text is null ? -1 : PlateKey.Normalise(text, normalised);
        if (length < 0 || !PlateKey.TryCompute(normalised[..length], out var key))
        {
            return false;
        }

        plate = new Plate(new string(normalised[..length]), key, PlateFormat.Recognise(normalised[..length], country));
        return true;
    }

    public static Plate Parse(string text, CountryCode country = default) =>
        TryParse(text, country, out var plate) ? plate : throw new FormatException($"'{text}' is not a licence plate (1-10 letters and digits).");

    public override string ToString() => Text ?? "";
}
