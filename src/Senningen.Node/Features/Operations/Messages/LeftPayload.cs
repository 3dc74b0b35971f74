using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary>
/// <c>operations.left</c> v1, home → partner: a unit left the partner's territory. <see cref="OccupiedZones"/> as in
/// <see cref="CrossingPayload"/>: alerts of zones not listed are closed, and positions stop.
/// </summary>
public sealed record LeftPayload(Guid OperationId, string Unit, string ToCountry, DateTimeOffset At, IReadOnlyList<string> OccupiedZones)
    : IValidatedPayload
{
    public const string Type = "operations.left";

    public IEnumerable<string> Problems()
    {
        if (OperationId == Guid.Empty || string.IsNullOrWhiteSpace(Unit) || OccupiedZones is null)
        {
            yield return "operationId, unit and occupiedZones are required";
        }
    }
}
