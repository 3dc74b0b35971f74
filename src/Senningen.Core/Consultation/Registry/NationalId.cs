using System.Diagnostics.CodeAnalysis;
using Senningen.Core.Countries;

namespace Senningen.Core.Consultation.Registry;

/// <summary>
/// A person's national identifier in the issuing country's format (BE national register number, NL BSN, LU matricule),
/// held as digits only. Built through <see cref="TryParse"/>, which accepts the usual separators and checks the
/// check digits; <c>default</c> is invalid.
/// </summary>
public readonly record struct NationalId
{
    private NationalId(CountryCode country, string digits)
    {
        Country = country;
        Digits = digits;
    }

    public CountryCode Country { get; }

    /// <summary>The digits without separators; null only for <c>default</c>.</summary>
    public string Digits { get; }

    public bool IsValid => Digits is not null;

    public static bool TryParse(CountryCode country, [NotNullWhen(true)] string? text, out NationalId id)
    {
        id = default;
        if (text is null || text.Length > 32)
        {
            return false;
        }

        Span<char> digits = stackalloc char[32];
        var n = 0;
        foreach (var ch in text)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits[n++] = ch;
            }
            else if (ch is not (' ' or '.' or '-'))
            {
                return false;
            }
        }

        var span = digits[..n];
        var valid = country.Value switch
        {
            "BE" => BelgianNationalNumber.IsValid(span, out _),
            "NL" => DutchBsn.IsValid(span),
            "LU" => LuxembourgMatricule.IsValid(span, out _),
            _ => false,
        };
        if (valid)
        {
            id = new NationalId(country, new string(span));
        }

        return valid;
    }

    public static NationalId Parse(CountryCode country, string text) =>
        TryParse(country, text, out var id) ? id : throw new FormatException($"'{text}' is not a valid {country} national identifier.");

    public override string ToString() => Digits ?? "";
}
