using System.Globalization;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Read;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// A batch of unit fixes, in any order, from the field, a tracker or the demo: handed to the <see cref="PositionWriter"/>,
/// which stores it together with the other batches waiting at that moment; this waits for the batch's own outcome.
/// Posting into an operation changes it (its fixes raise crossing alerts at the partner), so it needs the reach to change
/// it: another unit's operation is not found, nothing is queued and the attempt is an audited denial.
/// </summary>
internal sealed class RecordPositions(PositionWriter writer, OperationReader reader, NeedToKnowGuard guard, CurrentOfficer officer, NodeSettings settings,
    Texts texts)
{
    public async Task<Outcome<PositionBatchResult>> RecordAsync(Guid operationId, PositionBatch? batch, CancellationToken ct)
    {
        if (batch?.Fixes is null)
        {
            return Failure.Invalid(new FieldError("fixes", Rules.Required, texts["rule.required", "fixes"]));
        }

        var max = settings.Operations.MaxFixesPerBatch;
        if (batch.Fixes.Count is 0 || batch.Fixes.Count > max)
        {
            return Failure.Invalid(new FieldError("fixes", Rules.Range, texts["rule.list-size", "fixes", 1, max]));
        }

        if (await reader.OwnerAsync(operationId, ct) is not { } owner
            || !await guard.CheckAsync(Capability.Operations, AccessKind.Change, owner, $"operation:{operationId}", ct))
        {
            return Failure.NotFound(texts, texts["ops.operation"]);
        }

        var pending = new PendingPositions(operationId, batch.Fixes, officer.Actor, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        await writer.EnqueueAsync(pending, ct);
        // Once queued the batch is stored even if this caller goes away, as a request already in the database would be.
        var outcome = await pending.Completion.Task.WaitAsync(ct);
        return outcome switch
        {
            { NotFound: true } => Failure.NotFound(texts, texts["ops.operation"]),
            { Ended: true } => Failure.Conflict(texts["ops.problem.ended"]),
            _ => outcome.Result!,
        };
    }
}
