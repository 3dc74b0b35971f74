using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary><c>POST /api/v1/operations/{id}/positions</c>: a batch of unit fixes, in any order, from the field or a tracker.</summary>
internal static class RecordPositions
{
    public static async Task<Results<Ok<PositionBatchResult>, ProblemHttpResult>> HandleAsync(Guid id, PositionBatch? batch,
        PositionIngest ingest, NodeSettings settings, Texts texts, CancellationToken ct)
    {
        if (batch?.Fixes is null)
        {
            return Problems.Validation(texts, new FieldError("fixes", Rules.Required, texts["rule.required", "fixes"]));
        }

        var max = settings.Operations.MaxFixesPerBatch;
        if (batch.Fixes.Count is 0 || batch.Fixes.Count > max)
        {
            return Problems.Validation(texts, new FieldError("fixes", Rules.Range, texts["rule.list-size", "fixes", 1, max]));
        }

        var outcome = await ingest.RecordAsync(id, batch.Fixes, ct);
        return outcome switch
        {
            { NotFound: true } => Problems.NotFound(texts, texts["ops.operation"]),
            { Ended: true } => Problems.Conflict(texts, texts["ops.problem.ended"]),
            _ => TypedResults.Ok(outcome.Result!),
        };
    }
}
