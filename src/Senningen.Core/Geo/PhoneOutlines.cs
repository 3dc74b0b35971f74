using System.Text.Json;
using Senningen.Core.Countries;

namespace Senningen.Core.Geo;

/// <summary>
/// The outlines the officer's phone locates itself with when it has no signal: the treaty parties' countries, the
/// control-room zones and the shared borders, simplified by <see cref="OutlineSimplifier"/> and rounded to 1e-5° (about
/// 1 m). <see cref="Countries"/>, <see cref="Zones"/> and <see cref="Borders"/> are exactly what <see cref="Json"/> ships,
/// so the location error of the phone can be measured against the full-resolution engine.
/// </summary>
public sealed class PhoneOutlines
{
    /// <summary>Chosen so the bundle stays small on a slow link while the error stays below what a phone's GPS already has.</summary>
    public const double DefaultToleranceMetres = 15;

    private PhoneOutlines(double tolerance, IReadOnlyList<GeoRegion> countries, IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borders, byte[] json)
    {
        ToleranceMetres = tolerance;
        Countries = countries;
        Zones = zones;
        Borders = borders;
        Json = json;
    }

    public double ToleranceMetres { get; }

    /// <summary>Every country of the layer, simplified (the phone gets only the treaty parties, see <see cref="Json"/>).</summary>
    public IReadOnlyList<GeoRegion> Countries { get; }

    public IReadOnlyList<GeoRegion> Zones { get; }

    public IReadOnlyList<GeoLine> Borders { get; }

    /// <summary>
    /// <c>{"tolerance":m,"countries":[{"id","rings":[[lon,lat,…]]}],"zones":[{"id","country","rings"}],"borders":[{"pair","line":[lon,lat,…]}]}</c>,
    /// rings as flat coordinate arrays; inside is even-odd over all rings of an area, as in <see cref="GeoIndex"/>.
    /// </summary>
    public byte[] Json { get; }

    public static PhoneOutlines Build(IReadOnlyList<GeoRegion> countries, IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borders,
        double toleranceMetres = DefaultToleranceMetres)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(toleranceMetres);
        var simpleCountries = countries.Select(c => Simplify(c, toleranceMetres)).ToList();
        var simpleZones = zones.Select(z => Simplify(z, toleranceMetres)).ToList();
        var simpleBorders = borders.Select(b => b with { Coordinates = Round(OutlineSimplifier.Line(b.Coordinates, toleranceMetres)) }).ToList();
        var parties = simpleCountries.Where(c => CountryCode.TryParseParty(c.Key.ToUpperInvariant(), out _)).ToList();
        return new PhoneOutlines(toleranceMetres, simpleCountries, simpleZones, simpleBorders, Write(toleranceMetres, parties, simpleZones, simpleBorders));
    }

    private static GeoRegion Simplify(GeoRegion region, double tolerance) =>
        region with { Rings = [.. region.Rings.Select(r => Round(OutlineSimplifier.Ring(r, tolerance)))] };

    private static double[] Round(double[] xy) => [.. xy.Select(v => Math.Round(v, 5))];

    private static byte[] Write(double tolerance, IReadOnlyList<GeoRegion> countries, IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borders)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("tolerance", tolerance);
            json.WriteStartArray("countries");
            foreach (var country in countries)
            {
                json.WriteStartObject();
                json.WriteString("id", country.Key.ToUpperInvariant());
                Rings(json, country.Rings);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("zones");
            foreach (var zone in zones)
            {
                json.WriteStartObject();
                json.WriteString("id", zone.Key);
                json.WriteString("country", zone.Properties.GetValueOrDefault("country"));
                Rings(json, zone.Rings);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("borders");
            foreach (var border in borders)
            {
                json.WriteStartObject();
                json.WriteString("pair", border.Key);
                Numbers(json, "line", border.Coordinates);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Rings(Utf8JsonWriter json, IReadOnlyList<double[]> rings)
    {
        json.WriteStartArray("rings");
        foreach (var ring in rings)
        {
            Numbers(json, null, ring);
        }

        json.WriteEndArray();
    }

    private static void Numbers(Utf8JsonWriter json, string? name, double[] values)
    {
        if (name is null)
        {
            json.WriteStartArray();
        }
        else
        {
            json.WriteStartArray(name);
        }

        foreach (var value in values)
        {
            json.WriteNumberValue(value);
        }

        json.WriteEndArray();
    }
}
