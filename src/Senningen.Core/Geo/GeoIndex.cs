using System.Numerics;
using System.Runtime.CompilerServices;
using Senningen.Core.Countries;

namespace Senningen.Core.Geo;

/// <summary>
/// The geofence: country, control-room zone and nearest border for a point, exact against the shipped polygons.
/// <para>
/// Boundary rule: a point on a boundary is in the area (closed areas, NetTopologySuite's <c>Covers</c>, not
/// <c>Contains</c>). Holes and enclaves follow the even-odd rule over all rings of an area. Where countries overlap
/// the treaty party comes first (<see cref="CountryMasks.Split"/>). Where zones of one country overlap the first zone
/// in file order wins; a point of BE, NL or LU in none of its country's zones takes the zone with the nearest boundary.
/// </para>
/// Immutable after <see cref="Create(string, string, string, int)"/>, so one instance serves every thread.
/// </summary>
public sealed class GeoIndex : IGeoLocator
{
    /// <summary>Cells per degree of the Benelux grid: 1/256° is about 430 m by 270 m.</summary>
    public const int DefaultCellsPerDegree = 256;

    private readonly RegionLayer _countries;
    private readonly RegionLayer _zones;
    private readonly SegmentTree[] _zoneOutlines;
    private readonly BorderLines _borders;
    private readonly string[] _zoneIds;
    private readonly uint[] _zonesOfCountry;
    private readonly uint[] _pairsOfCountry;
    private readonly uint _allPairs;

    private GeoIndex(IReadOnlyList<GeoRegion> countries, IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borders, GridBox box, int cellsPerDegree)
    {
        _countries = RegionLayer.Build(countries, box, cellsPerDegree);
        _zones = RegionLayer.Build(zones, box, cellsPerDegree);
        _borders = BorderLines.Build(borders, pairs => [.. CountryCode.All.Select(c => BorderLines.PairsOf(pairs, c.Value)), BorderLines.AllOf(pairs)]);
        _zoneIds = [.. zones.Select(z => z.Key)];
        _zonesOfCountry = new uint[CountryCode.All.Count];
        _pairsOfCountry = new uint[CountryCode.All.Count];
        for (var z = 0; z < zones.Count; z++)
        {
            _zonesOfCountry[CountryMasks.BitOf(CountryCode.Parse(zones[z].Properties["country"]))] |= 1u << z;
        }

        // Per country, the boundaries of its zones: the nearest one takes a point of the country that is in none.
        _zoneOutlines = [.. _zonesOfCountry.Select(candidates => new SegmentTree(
            zones.SelectMany((zone, z) => (candidates & (1u << z)) == 0 ? [] : Segments(zone, z))))];
        for (var c = 0; c < CountryCode.All.Count; c++)
        {
            _pairsOfCountry[c] = BorderLines.PairsOf(_borders.Pairs, CountryCode.All[c].Value);
        }

        _allPairs = BorderLines.AllOf(_borders.Pairs);
    }

    /// <summary>The control-room zone ids in layer order: bit i of <see cref="ZoneMaskAt"/> is <c>ZoneIds[i]</c>.</summary>
    public IReadOnlyList<string> ZoneIds => _zoneIds;

    /// <summary>The border pairs (e.g. <c>BE|NL</c>) of the border-lines layer.</summary>
    public IReadOnlyList<string> BorderPairs => _borders.Pairs;

    /// <summary>Share of grid cells near an edge (country layer, zone layer): the points that need a segment test.</summary>
    public (double Countries, double Zones) EdgeCellShare => (_countries.EdgeCellShare, _zones.EdgeCellShare);

    /// <summary>
    /// Builds the index from the three shipped GeoJSON layers: countries (property <c>iso_a2</c>, all five of
    /// <see cref="CountryCode.All"/>), control-room zones (<c>zone_id</c>, <c>country</c>) and border lines (<c>pair</c>).
    /// Throws <see cref="FormatException"/> naming the problem when a layer is malformed or incomplete.
    /// </summary>
    public static GeoIndex Create(string countriesGeoJson, string zonesGeoJson, string borderLinesGeoJson, int cellsPerDegree = DefaultCellsPerDegree) =>
        Create(GeoJsonShapes.ReadRegions(countriesGeoJson, "iso_a2"), GeoJsonShapes.ReadRegions(zonesGeoJson, "zone_id"),
            GeoJsonShapes.ReadLines(borderLinesGeoJson, "pair"), GridBox.Benelux, cellsPerDegree);

    /// <summary>Builds the index from parsed layers; see <see cref="Create(string, string, string, int)"/>.</summary>
    public static GeoIndex Create(IReadOnlyList<GeoRegion> countries, IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borderLines, GridBox box,
        int cellsPerDegree = DefaultCellsPerDegree)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsPerDegree, 1);
        Validate(countries, zones, borderLines);
        var ordered = CountryCode.All.Select(country => countries.First(c => string.Equals(c.Key, country.Value, StringComparison.OrdinalIgnoreCase))).ToList();
        return new GeoIndex(ordered, zones, borderLines, box, cellsPerDegree);
    }

    /// <summary>
    /// Everything <see cref="Create(IReadOnlyList{GeoRegion}, IReadOnlyList{GeoRegion}, IReadOnlyList{GeoLine}, GridBox, int)"/>
    /// requires of the layers, checked without building: a caller can refuse bad data at once and build later.
    /// Throws <see cref="FormatException"/> naming the problem.
    /// </summary>
    public static void Validate(IReadOnlyList<GeoRegion> countries, IReadOnlyList<GeoRegion> zones, IReadOnlyList<GeoLine> borderLines)
    {
        foreach (var country in CountryCode.All)
        {
            if (!countries.Any(c => string.Equals(c.Key, country.Value, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"countries layer: '{country.Value}' is missing.");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            if (!seen.Add(zone.Key))
            {
                throw new FormatException($"zones layer: zone '{zone.Key}' appears twice.");
            }

            if (!zone.Properties.TryGetValue("country", out var code) || !CountryCode.TryParseParty(code, out _))
            {
                throw new FormatException($"zones layer: zone '{zone.Key}' needs a 'country' of BE, NL or LU.");
            }
        }

        if (zones.Count is 0 or > 32 || borderLines.Count == 0 || borderLines.Select(l => l.Key).Distinct().Count() > 32)
        {
            throw new FormatException("zones layer must hold 1 to 32 zones, and the border-lines layer 1 to 32 country pairs.");
        }
    }

    /// <summary>The hot path: the countries covering the point, without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CountryMask CountryMaskAt(double latitude, double longitude) => (CountryMask)_countries.MaskAt(longitude, latitude);

    /// <summary>The zones covering the point (bit i = <see cref="ZoneIds"/>[i]), any country, no fallback; without allocating.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ZoneMaskAt(double latitude, double longitude) => _zones.MaskAt(longitude, latitude);

    /// <summary>The zones of <paramref name="country"/> (bit per zone).</summary>
    public uint ZonesOf(CountryCode country) => _zonesOfCountry[CountryMasks.BitOf(country)];

    public GeoLocation Locate(GeoPoint point)
    {
        var (lat, lon) = (point.Latitude, point.Longitude);
        var (country, alsoIn) = CountryMasks.Split(CountryMaskAt(lat, lon));
        string? zone = null;
        var nearest = false;
        if (country is { IsTreatyParty: true } party)
        {
            var candidates = ZonesOf(party);
            var inside = ZoneMaskAt(lat, lon) & candidates;
            if (inside != 0)
            {
                zone = _zoneIds[BitOperations.TrailingZeroCount(inside)];
            }
            else if (_zoneOutlines[CountryMasks.BitOf(party)].Nearest(new LocalMetres(lon, lat)).Region is >= 0 and var z)
            {
                (zone, nearest) = (_zoneIds[z], true);
            }
        }

        var pairs = country is { } c && _pairsOfCountry[CountryMasks.BitOf(c)] != 0 ? _pairsOfCountry[CountryMasks.BitOf(c)] : _allPairs;
        var (metres, pair) = _borders.Nearest(lon, lat, pairs);
        return new GeoLocation(country, alsoIn, zone, nearest, metres, pair);
    }

    private static IEnumerable<LayerSegment> Segments(GeoRegion region, int index)
    {
        foreach (var ring in region.Rings)
        {
            for (var i = 0; i + 3 < ring.Length; i += 2)
            {
                yield return new LayerSegment(ring[i], ring[i + 1], ring[i + 2], ring[i + 3], index);
            }
        }
    }

    /// <summary>The country answer from the slow exact bands alone: lets tests check the grid against its own reference.</summary>
    internal CountryMask CountryMaskByBands(double latitude, double longitude) => (CountryMask)_countries.MaskByBands(longitude, latitude);

    /// <summary>The zone answer from the slow exact bands alone.</summary>
    internal uint ZoneMaskByBands(double latitude, double longitude) => _zones.MaskByBands(longitude, latitude);
}
