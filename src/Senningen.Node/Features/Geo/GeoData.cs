using System.Collections.Concurrent;
using Senningen.Core.Geo;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Geo;

/// <summary>
/// The geo layers and directories of one data directory, read and checked once at start. The index and the map are
/// built on first use (the index takes about a second on a busy machine): the files are already known good, and a
/// node that starts does not compete with itself for the CPU.
/// </summary>
internal sealed record GeoData(Lazy<GeoIndex> Index, ControlRoomDirectory ControlRooms, TalkGroupDirectory TalkGroups, Lazy<ZoneMapJson> ZoneMap,
    Lazy<PhoneOutlines> PhoneOutlines, BaseMap BaseMap);

/// <summary>Reads <c>data/geo</c> at start; a missing or malformed file stops the node, naming the file and the problem.</summary>
internal static class GeoDataLoader
{
    public const string DirectoryKey = "Senningen:Geo:Directory";
    public const string CountriesFile = "countries/osm_countries_BE_NL_LU_FR_DE_10m.geojson";
    public const string ZonesFile = "combined/control_room_zones_BE_NL_LU.geojson";
    public const string BordersFile = "countries/osm_border_lines_BE_NL_LU.geojson";
    public const string ControlRoomsFile = "control-rooms.json";
    public const string TalkGroupsFile = "talk-groups.json";
    public const string BaseMapFile = "basemap/benelux_base_map.geojson";

    // The index takes about half a second to build; nodes sharing a process (tests, the demo) share unchanged files' index.
    private static readonly ConcurrentDictionary<string, Lazy<GeoData>> Loaded = new(StringComparer.Ordinal);

    public static string DirectoryFrom(IConfiguration configuration) =>
        configuration[DirectoryKey] is { Length: > 0 } directory ? directory : Path.Combine(AppContext.BaseDirectory, "data", "geo");

    public static GeoData Load(string directory)
    {
        var files = new[] { CountriesFile, ZonesFile, BordersFile, ControlRoomsFile, TalkGroupsFile, BaseMapFile }.Select(f => Path.Combine(directory, f)).ToList();
        var missing = files.Where(f => !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            throw new ConfigurationProblemException([.. missing.Select(f => $"{DirectoryKey} = '{directory}': the geo data file '{f}' is missing.")]);
        }

        var stamp = string.Join("|", files.Select(f => $"{Path.GetFullPath(f)}@{File.GetLastWriteTimeUtc(f).Ticks}:{new FileInfo(f).Length}"));
        var lazy = Loaded.GetOrAdd(stamp, _ => new Lazy<GeoData>(() => Read(directory)));
        try
        {
            return lazy.Value;
        }
        catch (ConfigurationProblemException)
        {
            Loaded.TryRemove(stamp, out _);
            throw;
        }
    }

    private static GeoData Read(string directory)
    {
        string Text(string file) => File.ReadAllText(Path.Combine(directory, file));
        T Parse<T>(string file, Func<T> parse)
        {
            try
            {
                return parse();
            }
            catch (FormatException e)
            {
                throw new ConfigurationProblemException([$"geo data: {Path.Combine(directory, file)}: {e.Message}"]);
            }
        }

        var countries = Parse(CountriesFile, () => GeoJsonShapes.ReadRegions(Text(CountriesFile), "iso_a2"));
        var zones = Parse(ZonesFile, () => GeoJsonShapes.ReadRegions(Text(ZonesFile), "zone_id"));
        var borders = Parse(BordersFile, () => GeoJsonShapes.ReadLines(Text(BordersFile), "pair"));
        Parse(ZonesFile, () =>
        {
            GeoIndex.Validate(countries, zones, borders);
            return true;
        });
        var rooms = Parse(ControlRoomsFile, () => ControlRoomDirectory.Parse(Text(ControlRoomsFile)));
        var talkGroups = Parse(TalkGroupsFile, () => TalkGroupDirectory.Parse(Text(TalkGroupsFile)));
        var baseMap = Parse(BaseMapFile, () => BaseMap.Parse(Text(BaseMapFile)));
        var unlisted = zones.Select(z => z.Key).Where(z => rooms.ForZone(z) is null).ToList();
        if (unlisted.Count > 0)
        {
            throw new ConfigurationProblemException([$"geo data: {Path.Combine(directory, ControlRoomsFile)}: no control room for zone(s) {string.Join(", ", unlisted)}."]);
        }

        return new GeoData(new Lazy<GeoIndex>(() => GeoIndex.Create(countries, zones, borders, GridBox.Benelux)), rooms, talkGroups,
            new Lazy<ZoneMapJson>(() => ZoneMapJson.Build(zones, borders)), new Lazy<PhoneOutlines>(() => PhoneOutlines.Build(countries, zones, borders)), baseMap);
    }
}
