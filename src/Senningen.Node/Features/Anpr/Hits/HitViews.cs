using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

internal static class HitViews
{
    public static HitView From(Hit h) =>
        new(h.Id, h.Plate, h.Country, h.Confidence, DateTimeOffset.FromUnixTimeMilliseconds(h.ObservedAtMs), h.Lat, h.Lon, h.CameraId,
            h.CameraName, AnprNames.Of(h.Source), h.EntryId, h.EntryPlate, AnprNames.Of((HotlistCategory)h.Category),
            AnprNames.Of((HotlistAction)h.Action), h.Owner, h.Score, h.Confusions.Length == 0 ? [] : h.Confusions.Split('\n'),
            DateTimeOffset.FromUnixTimeMilliseconds(h.ReceivedAtMs), h.SentTo, h.ReceivedFrom, h.AcknowledgedBy,
            h.AcknowledgedAtMs is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null);
}
