using Senningen.Core.Countries;

namespace Senningen.Core.Anpr;

/// <summary>
/// The national format a plate's characters follow, as a stable identifier (e.g. <c>NL-sidecode-9</c>,
/// <c>BE-1-ABC-123</c>); the node localises it for people. <see cref="Unknown"/> for foreign, personalised and
/// special plates: they are still plates. Recognition reads characters only, not colours or the country band.
/// </summary>
public readonly record struct PlateFormat
{
    private readonly string? _id;

    private PlateFormat(CountryCode country, string id)
    {
        Country = country;
        _id = id;
    }

    /// <summary>The issuing country; <c>default</c> (invalid) for <see cref="Unknown"/>.</summary>
    public CountryCode Country { get; }

    public string Id => _id ?? "unknown";

    public static PlateFormat Unknown { get; } = new(default, "unknown");

    public bool IsKnown => Country.IsValid;

    /// <summary>
    /// The format of a normalised plate (upper-case [A-Z0-9], no separators). With a valid <paramref name="country"/>
    /// (a camera's country reading, a list's owner) only that country's formats count; without one the first match in
    /// the order BE, NL, LU, FR, DE wins, since the same characters can be valid in several countries (AB1234).
    /// </summary>
    public static PlateFormat Recognise(ReadOnlySpan<char> normalised, CountryCode country = default)
    {
        if (country.IsValid)
        {
            return Of(normalised, country);
        }

        foreach (var candidate in CountryCode.All)
        {
            var format = Of(normalised, candidate);
            if (format.IsKnown)
            {
                return format;
            }
        }

        return Unknown;
    }

    public override string ToString() => Id;

    private static PlateFormat Of(ReadOnlySpan<char> plate, CountryCode country)
    {
        var id = country.Value switch
        {
            "BE" => NationalFormats.Belgian(plate),
            "NL" => NationalFormats.Dutch(plate),
            "LU" => NationalFormats.Luxembourgish(plate),
            "FR" => NationalFormats.French(plate),
            "DE" => NationalFormats.German(plate),
            _ => null,
        };
        return id is null ? Unknown : new PlateFormat(country, id);
    }
}
