using System.Globalization;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// A batch of unit fixes, in any order, from the field, a tracker or the demo: handed to the <see cref="PositionWriter"/>,
/// which stores it together with the other batches waiting at that moment; this waits for the batch's own outcome.
/// </summary>
internal sealed class RecordPositions(PositionWriter writer, CurrentOfficer officer, NodeSettings settings, Texts texts)
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
