using System.Globalization;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>What became of a batch: the result, or why there is none.</summary>
internal sealed record IngestOutcome(PositionBatchResult? Result, bool NotFound = false, bool Ended = false);

/// <summary>A batch waiting for the writer, with what it needs from its request: who sent it, in which language to answer.</summary>
internal sealed record PendingPositions(Guid OperationId, IReadOnlyList<PositionFixInput?> Inputs, Actor Actor, CultureInfo Culture,
    CultureInfo UiCulture)
{
    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// Hands a batch of fixes to the <see cref="PositionWriter"/>, which stores it together with the other batches waiting
/// at that moment, and waits for this batch's own outcome.
/// </summary>
internal sealed class PositionIngest(PositionWriter writer, IHttpContextAccessor http, NodeSettings settings)
{
    public async Task<IngestOutcome> RecordAsync(Guid operationId, IReadOnlyList<PositionFixInput?> inputs, CancellationToken ct)
    {
        var pending = new PendingPositions(operationId, inputs, Actor.From(http.HttpContext?.User, settings), CultureInfo.CurrentCulture,
            CultureInfo.CurrentUICulture);
        await writer.EnqueueAsync(pending, ct);
        // Once queued the batch is stored even if this caller goes away, as a request already in the database would be.
        return await pending.Completion.Task.WaitAsync(ct);
    }
}
