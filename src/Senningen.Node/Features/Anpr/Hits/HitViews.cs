using Senningen.Contracts.Anpr;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Hits;

internal static class HitViews
{
    public static HitView From(Hit h) =>
        new(h.Id, h.Plate, h.Country, h.Confidence, h.ObservedAt, h.Lat, h.Lon, h.CameraId, h.CameraName, AnprNames.Of(h.Source), h.EntryId,
            h.EntryPlate, AnprNames.Of(h.Category), AnprNames.Of(h.Action), h.Owner.Value, h.Score,
            h.Confusions.Length == 0 ? [] : h.Confusions.Split('\n'), h.ReceivedAt, h.SentTo?.Value, h.ReceivedFrom?.Value, h.AcknowledgedBy,
            h.AcknowledgedAt);
}
