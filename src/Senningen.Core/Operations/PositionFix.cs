using Senningen.Core.Geo;

namespace Senningen.Core.Operations;

/// <summary>
/// One GPS fix of one unit, already validated by the caller. <see cref="Speed"/> in km/h, <see cref="Heading"/> in degrees
/// from north, <see cref="Accuracy"/> in metres (the radius the receiver reports; null when it reports none).
/// </summary>
public readonly record struct PositionFix(string Unit, GeoPoint Point, DateTimeOffset Time, double? Speed, double? Heading, double? Accuracy);
