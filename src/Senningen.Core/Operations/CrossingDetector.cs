using System.Diagnostics.CodeAnalysis;
using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Core.Operations;

/// <summary>
/// Confirms border and control-room zone crossings of one unit from its GPS fixes, with the hysteresis of
/// <see cref="CrossingRules"/>. Pure: the state lives in <see cref="UnitTrackState"/>, which the caller keeps per unit.
/// </summary>
/// <remarks>
/// Detection only moves forward in time. A fix at or before <see cref="UnitTrackState.LastFixAt"/> is ignored here
/// (the node still stores it for the track): re-evaluating history could retract a crossing a partner has already been
/// alerted to, and an alert cannot be unsent. Within one <see cref="Feed"/> the fixes are sorted first, so a batch in
/// any order, with duplicates, gives the same state as the same fixes one by one in time order.
/// </remarks>
public sealed class CrossingDetector
{
    private readonly IGeoLocator _locator;
    private readonly CrossingRules _rules;

    public CrossingDetector(IGeoLocator locator, CrossingRules rules)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(rules));
        }

        _locator = locator;
        _rules = rules;
    }

    /// <summary>
    /// Feeds one unit's fixes in any order and adds the crossings they confirm, oldest first, to <paramref name="crossings"/>.
    /// Returns the state to keep for the next batch.
    /// </summary>
    public UnitTrackState Feed(UnitTrackState state, IEnumerable<PositionFix> fixes, ICollection<BorderCrossing> crossings)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        ArgumentNullException.ThrowIfNull(crossings);
        var ordered = fixes.ToArray();
        Array.Sort(ordered, FixOrder.Instance);
        foreach (var fix in ordered)
        {
            if (!string.Equals(fix.Unit, ordered[0].Unit, StringComparison.Ordinal))
            {
                throw new ArgumentException("All fixes fed at once must be of one unit.", nameof(fixes));
            }
        }

        foreach (var fix in ordered)
        {
            state = Advance(state, fix, out var crossing);
            if (crossing is not null)
            {
                crossings.Add(crossing);
            }
        }

        return state;
    }

    /// <summary>
    /// Feeds one fix. A fix not later than the last one fed changes nothing. <paramref name="crossing"/> is set when
    /// this fix confirmed a change of country or zone.
    /// </summary>
    public UnitTrackState Advance(UnitTrackState state, PositionFix fix, out BorderCrossing? crossing)
    {
        crossing = null;
        if (state.LastFixAt is { } last && fix.Time <= last)
        {
            return state;
        }

        var next = state with { LastFixAt = fix.Time };

        // A fix too vague to place the unit, or in no country (a gap between the shipped polygons, the open sea),
        // is neutral: it neither counts towards a candidate nor breaks its run.
        if (fix.Accuracy is { } accuracy && !(accuracy <= _rules.MaxAccuracyMetres))
        {
            return next;
        }

        var where = _locator.Locate(fix.Point);
        if (where.Country is not { } country)
        {
            return next;
        }

        if (next.Country is null)
        {
            // The first usable fix places the unit without a crossing: an operation starts where its units are.
            return next with { Country = country.Value, Zone = where.ZoneId, Since = fix.Time, Candidate = null };
        }

        string targetCountry;
        bool clear;
        if (country.Value == next.Country || where.AlsoIn?.Value == next.Country)
        {
            // Still in the confirmed country (shared waters count as both): only a zone change can be pending, and only
            // when the point is really in this country, not merely in its shared waters.
            if (country.Value != next.Country || where.ZoneId is null || where.ZoneId == next.Zone)
            {
                return next with { Candidate = null };
            }

            targetCountry = next.Country;
            var leavingZone = next.Zone;
            clear = (Continues(next.Candidate, targetCountry, where.ZoneId, zoneChange: true, fix.Time) && next.Candidate.Value.Clear)
                || ClearOf(fix.Point, Math.Max(_rules.MinDistanceMetres, fix.Accuracy ?? 0), at => at.ZoneId == leavingZone);
        }
        else
        {
            targetCountry = country.Value;
            var leaving = CountryCode.Parse(next.Country);
            var margin = Math.Max(_rules.MinDistanceMetres, fix.Accuracy ?? 0);
            // The border-line distance misses edges of slivers narrower than the lines were classified at, so a fix that
            // looks clear is also probed: none of the points around it may lie in the country being left.
            clear = where.BorderDistanceMetres >= margin
                && ((Continues(next.Candidate, targetCountry, where.ZoneId, zoneChange: false, fix.Time) && next.Candidate.Value.Clear)
                    || ClearOf(fix.Point, margin, at => at.IsIn(leaving)));
        }

        var candidate = Extend(next.Candidate, targetCountry, where.ZoneId, targetCountry == next.Country, fix, clear);
        if (candidate.Fixes < _rules.MinFixesInside || !candidate.Clear)
        {
            return next with { Candidate = candidate };
        }

        crossing = new BorderCrossing(
            fix.Unit,
            CountryCode.Parse(next.Country),
            CountryCode.Parse(candidate.Country),
            next.Zone,
            candidate.Zone,
            candidate.FirstAt,
            GeoPoint.From(candidate.Lat, candidate.Lon));
        return next with { Country = candidate.Country, Zone = candidate.Zone, Since = candidate.FirstAt, Candidate = null };
    }

    private CrossingCandidate Extend(CrossingCandidate? pending, string country, string? zone, bool zoneChange, PositionFix fix, bool clear)
    {
        // A country candidate follows the unit from zone to zone of the new country (the crossing names the zone where it
        // was confirmed); a zone candidate is for one zone only.
        if (Continues(pending, country, zone, zoneChange, fix.Time))
        {
            var p = pending.Value;
            return p with { Zone = zone, Fixes = Math.Min(p.Fixes + 1, _rules.MinFixesInside), Clear = p.Clear || clear, LastAt = fix.Time };
        }

        return new CrossingCandidate(country, zone, fix.Time, fix.Point.Latitude, fix.Point.Longitude, 1, clear, fix.Time);
    }

    private bool Continues([NotNullWhen(true)] CrossingCandidate? pending, string country, string? zone, bool zoneChange, DateTimeOffset time) =>
        pending is { } p && p.Country == country && (!zoneChange || p.Zone == zone) && time - p.LastAt <= _rules.MaxGap;

    /// <summary>
    /// A fix is clear of the area being left when none of eight points <paramref name="metres"/> around it lies in that
    /// area. This costs eight look-ups, but only for fixes of a pending change that is not yet clear.
    /// </summary>
    private bool ClearOf(GeoPoint point, double metres, Func<GeoLocation, bool> inLeftArea)
    {
        const double metresPerDegree = 111_320;
        var dLat = metres / metresPerDegree;
        var dLon = metres / (metresPerDegree * Math.Max(0.01, Math.Cos(double.DegreesToRadians(point.Latitude))));
        for (var i = 0; i < 8; i++)
        {
            var (sin, cos) = Math.SinCos(i * Math.PI / 4);
            if (GeoPoint.TryCreate(point.Latitude + (dLat * cos), point.Longitude + (dLon * sin), out var probe) &&
                inLeftArea(_locator.Locate(probe.Value)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A total order on what the detector reads, so that which of two same-time fixes wins depends on the set only.</summary>
    private sealed class FixOrder : IComparer<PositionFix>
    {
        public static FixOrder Instance { get; } = new();

        public int Compare(PositionFix x, PositionFix y)
        {
            var c = x.Time.UtcTicks.CompareTo(y.Time.UtcTicks);
            if (c == 0)
            {
                c = x.Point.Latitude.CompareTo(y.Point.Latitude);
            }

            if (c == 0)
            {
                c = x.Point.Longitude.CompareTo(y.Point.Longitude);
            }

            if (c == 0)
            {
                c = Nullable.Compare(x.Accuracy, y.Accuracy);
            }

            return c;
        }
    }
}
