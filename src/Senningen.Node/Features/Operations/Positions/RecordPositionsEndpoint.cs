using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// <c>POST /api/v1/operations/{id}/positions</c>: accepted, duplicates, rejected (with reasons) and crossings; 400 for
/// a batch without fixes or over the limit, 404 for an unknown operation, 409 once it ended.
/// </summary>
internal static class RecordPositionsEndpoint
{
    public static async Task<Results<Ok<PositionBatchResult>, ProblemHttpResult>> HandleAsync(Guid id, PositionBatch? batch, RecordPositions record,
        Texts texts, CancellationToken ct) =>
        OperationsProblems.OkOr(await record.RecordAsync(id, batch, ct), texts);
}
