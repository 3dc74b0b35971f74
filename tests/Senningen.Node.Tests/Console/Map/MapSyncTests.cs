using Senningen.Node.Components.Map;

namespace Senningen.Node.Tests.Console.Map;

/// <summary>The map is updated about once a second: only moved units and new track points go to the browser.</summary>
public sealed class MapSyncTests
{
    private static readonly MapPoint A = new(51.10, 4.30);
    private static readonly MapPoint B = new(51.20, 4.40);
    private static readonly MapPoint C = new(51.30, 4.50);

    private static MapUnit Unit(string id, MapPoint at, MapUnitKind kind = MapUnitKind.Own) => new(id, at.Lat, at.Lon, id, 45, kind);

    [Fact]
    public void Next_FirstState_SendsEveryUnitAndWholeTracks()
    {
        var change = new MapSync().Next([Unit("BE-1", B)], [new MapTrack("BE-1", MapUnitKind.Own, [A, B])]);

        change.Units.ShouldHaveSingleItem().Kind.ShouldBe("own");
        var track = change.Tracks.ShouldHaveSingleItem();
        track.Replace.ShouldBeTrue();
        track.Points.ShouldBe([A, B]);
    }

    [Fact]
    public void Next_SameState_SendsNothing()
    {
        var sync = new MapSync();
        sync.Next([Unit("BE-1", B)], [new MapTrack("BE-1", MapUnitKind.Own, [A, B])]);

        sync.Next([Unit("BE-1", B)], [new MapTrack("BE-1", MapUnitKind.Own, [A, B])]).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Next_UnitMovedAndTrackGrew_SendsTheMoveAndOnlyTheNewPoint()
    {
        var sync = new MapSync();
        sync.Next([Unit("BE-1", B), Unit("NL-7", A, MapUnitKind.Partner)], [new MapTrack("BE-1", MapUnitKind.Own, [A, B])]);

        var change = sync.Next([Unit("BE-1", C), Unit("NL-7", A, MapUnitKind.Partner)], [new MapTrack("BE-1", MapUnitKind.Own, [A, B, C])]);

        change.Units.ShouldHaveSingleItem().Id.ShouldBe("BE-1");
        var track = change.Tracks.ShouldHaveSingleItem();
        track.Replace.ShouldBeFalse();
        track.Points.ShouldBe([C]);
    }

    [Fact]
    public void Next_TrackRewrittenOrKindChanged_ReplacesIt()
    {
        var sync = new MapSync();
        sync.Next([], [new MapTrack("BE-1", MapUnitKind.Own, [A, B])]);

        var rewritten = sync.Next([], [new MapTrack("BE-1", MapUnitKind.Own, [A, C, B])]);
        var alerting = sync.Next([], [new MapTrack("BE-1", MapUnitKind.Alert, [A, C, B])]);

        rewritten.Tracks.ShouldHaveSingleItem().Replace.ShouldBeTrue();
        alerting.Tracks.ShouldHaveSingleItem().Kind.ShouldBe("alert");
    }

    [Fact]
    public void Next_UnitAndTrackGone_AreRemoved()
    {
        var sync = new MapSync();
        sync.Next([Unit("BE-1", B)], [new MapTrack("BE-1", MapUnitKind.Own, [A, B])]);

        var change = sync.Next([], []);

        change.RemovedUnits.ShouldBe(["BE-1"]);
        change.RemovedTracks.ShouldBe(["BE-1"]);
    }
}
