using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary><c>operations.acknowledged</c> v1, partner → home: the control room of <see cref="Zone"/> has seen the crossing.</summary>
public sealed record AcknowledgedPayload(Guid OperationId, Guid AlertId, string Zone, string ControlRoom, string By, DateTimeOffset At)
    : IValidatedPayload
{
    public const string Type = "operations.acknowledged";

    public IEnumerable<string> Problems()
    {
        if (OperationId == Guid.Empty || string.IsNullOrWhiteSpace(Zone) || string.IsNullOrWhiteSpace(By))
        {
            yield return "operationId, zone and by are required";
        }
    }
}
