using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Operations.Messages;

/// <summary>
/// <c>operations.ended</c> v1, home → every partner that was notified: the outcome and the facts of the after-action
/// report, which the partner renders in its own operators' languages.
/// </summary>
public sealed record EndedPayload(Guid OperationId, string Outcome, DateTimeOffset EndedAt, ReportFacts Report) : IValidatedPayload
{
    public const string Type = "operations.ended";

    public IEnumerable<string> Problems()
    {
        if (OperationId == Guid.Empty || string.IsNullOrWhiteSpace(Outcome) || Report is null)
        {
            yield return "operationId, outcome and report are required";
        }
    }
}
