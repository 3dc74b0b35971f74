using Senningen.Core.Geo;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Anpr.Hits;

/// <summary>
/// The control-room zone a hit is for (need to know: that zone's control room sees and acknowledges it): the zone of this
/// node's country that holds the position, or the nearest one when the point is in the country but outside the coarser
/// zone layer (the locator's own fallback). A position abroad (a partner's camera reading this node's hotlist) gets no
/// zone: the locator only names the nearest zone of the country a point lies in, and picking one of ours by distance from
/// a point deep in a partner's country would hand the hit to a control room with no reason to see it. The desk and the
/// DPO, whose reach is the whole country, see it; so does a hit without a position.
/// </summary>
internal sealed class HitZones(IGeoLocator locator, NodeSettings settings)
{
    public string? Of(double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon || !GeoPoint.TryCreate(lat, lon, out var point))
        {
            return null;
        }

        var where = locator.Locate(point.Value);
        return where.Country == settings.Country ? where.ZoneId : null;
    }
}
