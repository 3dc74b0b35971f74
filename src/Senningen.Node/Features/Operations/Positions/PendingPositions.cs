using System.Globalization;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>What became of a batch: the result, or why there is none.</summary>
internal sealed record IngestOutcome(PositionBatchResult? Result, bool NotFound = false, bool Ended = false);

/// <summary>A batch waiting for the writer, with what it needs from its request: who sent it, in which language to answer.</summary>
internal sealed record PendingPositions(Guid OperationId, IReadOnlyList<PositionFixInput?> Inputs, Actor Actor, CultureInfo Culture,
    CultureInfo UiCulture)
{
    public TaskCompletionSource<IngestOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
