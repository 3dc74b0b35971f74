namespace Senningen.Core.Operations;

/// <summary>
/// What <see cref="CrossingDetector"/> remembers about one unit; small, immutable and plain so the node can keep it as JSON
/// next to the unit. <c>default</c> is the state before the first fix.
/// </summary>
/// <param name="Country">The confirmed country (ISO alpha-2), null before the first usable fix.</param>
/// <param name="Zone">The confirmed control-room zone, null outside BE, NL and LU.</param>
/// <param name="Since">Time of the first fix in the confirmed area.</param>
/// <param name="LastFixAt">Time of the latest fix fed; fixes at or before it are ignored, so history never re-opens.</param>
/// <param name="Candidate">The area the unit may be entering, while it is not yet confirmed.</param>
public readonly record struct UnitTrackState(
    string? Country,
    string? Zone,
    DateTimeOffset? Since,
    DateTimeOffset? LastFixAt,
    CrossingCandidate? Candidate);

/// <summary>
/// A pending change of country or zone: where and when the unit was first seen in it, how many consecutive usable fixes
/// it has had there, whether one was clear of the border, and the latest of them (for the gap rule).
/// </summary>
public readonly record struct CrossingCandidate(
    string Country,
    string? Zone,
    DateTimeOffset FirstAt,
    double Lat,
    double Lon,
    int Fixes,
    bool Clear,
    DateTimeOffset LastAt);
