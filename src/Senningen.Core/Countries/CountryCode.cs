using System.Diagnostics.CodeAnalysis;

namespace Senningen.Core.Countries;

/// <summary>
/// An ISO 3166-1 alpha-2 code of a country Senningen knows: the three treaty parties (BE, NL, LU)
/// and the neighbours whose borders matter for geography (FR, DE). Built only through <see cref="TryParse"/>
/// or the named instances, so a value in hand is always one of these five; <c>default</c> is invalid.
/// </summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    /// <summary>The upper-case two-letter code; null only for <c>default</c>.</summary>
    public string Value { get; }

    public static CountryCode Belgium { get; } = new("BE");
    public static CountryCode Netherlands { get; } = new("NL");
    public static CountryCode Luxembourg { get; } = new("LU");
    public static CountryCode France { get; } = new("FR");
    public static CountryCode Germany { get; } = new("DE");

    /// <summary>The parties to the 2018 Benelux police treaty, each of which runs a node.</summary>
    public static IReadOnlyList<CountryCode> TreatyParties { get; } = [Belgium, Netherlands, Luxembourg];

    /// <summary>Every country Senningen knows, parties first.</summary>
    public static IReadOnlyList<CountryCode> All { get; } = [Belgium, Netherlands, Luxembourg, France, Germany];

    public bool IsTreatyParty => Value is "BE" or "NL" or "LU";

    public bool IsValid => Value is not null;

    /// <summary>Accepts the code in any case with surrounding blanks; rejects anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CountryCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length != 2)
        {
            return false;
        }

        foreach (var known in All)
        {
            if (string.Equals(known.Value, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                code = known;
                return true;
            }
        }

        return false;
    }

    /// <summary>Like <see cref="TryParse"/> but only for the treaty parties (node countries).</summary>
    public static bool TryParseParty([NotNullWhen(true)] string? text, out CountryCode code)
    {
        if (TryParse(text, out code) && code.IsTreatyParty)
        {
            return true;
        }

        code = default;
        return false;
    }

    /// <summary>The code, or the invalid <c>default</c> when the text is not one Senningen knows; check <see cref="IsValid"/>.</summary>
    public static CountryCode ParseOrDefault(string? text) => TryParse(text, out var code) ? code : default;

    public static CountryCode Parse(string text) =>
        TryParse(text, out var code) ? code : throw new FormatException($"'{text}' is not a country code Senningen knows (BE, NL, LU, FR, DE).");

    public override string ToString() => Value ?? "";
}
