using Senningen.Node.Common.Configuration;
using Senningen.Node.Features.Geo;

namespace Senningen.Node.Tests.Geo;

/// <summary>A node with missing or broken geo data does not start, and says which file and what is wrong.</summary>
public sealed class GeoDataLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("senningen-geo-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_EmptyDirectory_NamesEveryMissingFile()
    {
        var problem = Should.Throw<ConfigurationProblemException>(() => GeoDataLoader.Load(_directory));

        problem.Problems.Count.ShouldBe(6);
        problem.Message.ShouldContain("control-rooms.json' is missing");
        problem.Message.ShouldContain("benelux_base_map.geojson' is missing");
        problem.Message.ShouldContain(GeoDataLoader.DirectoryKey);
    }

    [Fact]
    public void Load_BaseMapWithoutAttribution_NamesTheFileAndTheRule()
    {
        CopyShippedData();
        var baseMap = Path.Combine(_directory, GeoDataLoader.BaseMapFile);
        File.WriteAllText(baseMap, File.ReadAllText(baseMap).Replace("\"attribution\":", "\"credit\":", StringComparison.Ordinal));

        var problem = Should.Throw<ConfigurationProblemException>(() => GeoDataLoader.Load(_directory));

        problem.Message.ShouldContain(GeoDataLoader.BaseMapFile);
        problem.Message.ShouldContain("'attribution' (sources and licence) is missing");
    }

    [Fact]
    public void Load_ControlRoomWithoutZoneName_NamesTheEntry()
    {
        CopyShippedData();
        var rooms = Path.Combine(_directory, GeoDataLoader.ControlRoomsFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(rooms))!;
        json["controlRooms"]![3]!.AsObject().Remove("zoneName");
        File.WriteAllText(rooms, json.ToJsonString());

        var problem = Should.Throw<ConfigurationProblemException>(() => GeoDataLoader.Load(_directory));

        problem.Message.ShouldContain("NL-RE04");
        problem.Message.ShouldContain("zoneName: the name in 'nl' is missing");
    }

    [Fact]
    public void Load_CorruptControlRooms_NamesTheFileAndTheEntry()
    {
        CopyShippedData();
        File.WriteAllText(Path.Combine(_directory, GeoDataLoader.ControlRoomsFile), """{"controlRooms": [{"zoneId": "BE-VAN", "country": "XX"}]}""");

        var problem = Should.Throw<ConfigurationProblemException>(() => GeoDataLoader.Load(_directory));

        problem.Message.ShouldContain(GeoDataLoader.ControlRoomsFile);
        problem.Message.ShouldContain("BE-VAN");
        problem.Message.ShouldContain("country must be BE, NL or LU");
    }

    [Fact]
    public void Load_TruncatedGeoJson_NamesTheFile()
    {
        CopyShippedData();
        var zones = Path.Combine(_directory, GeoDataLoader.ZonesFile);
        File.WriteAllText(zones, File.ReadAllText(zones)[..1000]);

        var problem = Should.Throw<ConfigurationProblemException>(() => GeoDataLoader.Load(_directory));

        problem.Message.ShouldContain(GeoDataLoader.ZonesFile);
        problem.Message.ShouldContain("not JSON");
    }

    private void CopyShippedData()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "data", "geo");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_directory, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
