using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary>
/// <c>operations.crossing</c> v1, home → partner: a unit of an operation entered the partner's territory or another
/// of its zones. <see cref="OccupiedZones"/> is the home node's view of every partner zone that still holds a unit,
/// so the partner can close the alerts of zones that were left (re-routing) without keeping its own unit tally.
/// </summary>
public sealed record CrossingPayload(
    Guid OperationId,
    string OperationType,
    string HomeCountry,
    string HomeZone,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Vehicles,
    string? Suspect,
    string? Reason,
    string Unit,
    string FromCountry,
    string? FromZone,
    string ToZone,
    DateTimeOffset CrossedAt,
    double Lat,
    double Lon,
    double? Heading,
    double? Speed,
    DateTimeOffset? AuthorisationDeadline,
    IReadOnlyList<string> OccupiedZones) : IValidatedPayload
{
    public const string Type = "operations.crossing";

    public IEnumerable<string> Problems()
    {
        if (OperationId == Guid.Empty)
        {
            yield return "operationId is empty";
        }

        if (string.IsNullOrWhiteSpace(OperationType) || string.IsNullOrWhiteSpace(Unit) || string.IsNullOrWhiteSpace(ToZone))
        {
            yield return "operationType, unit and toZone are required";
        }

        if (!double.IsFinite(Lat) || !double.IsFinite(Lon) || Lat is < -90 or > 90 || Lon is < -180 or > 180)
        {
            yield return "lat/lon out of range";
        }

        if (Units is null || Vehicles is null || OccupiedZones is null)
        {
            yield return "units, vehicles and occupiedZones are required";
        }
    }
}
