using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary>
/// <c>operations.escalated</c> v1, partner → home: nobody in the zone's control room acknowledged in time, so the
/// partner's national desk now has the alert.
/// </summary>
public sealed record EscalatedPayload(Guid OperationId, Guid AlertId, string Zone, DateTimeOffset At) : IValidatedPayload
{
    public const string Type = "operations.escalated";

    public IEnumerable<string> Problems()
    {
        if (OperationId == Guid.Empty || string.IsNullOrWhiteSpace(Zone))
        {
            yield return "operationId and zone are required";
        }
    }
}
