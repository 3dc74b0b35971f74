using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.End;

/// <summary><c>POST /api/v1/operations/{id}/end</c>: 200 with the ended operation; 400 naming the field, 404, or 409 when it already ended.</summary>
internal static class EndOperationEndpoint
{
    public static async Task<Results<Ok<OperationView>, ProblemHttpResult>> HandleAsync(Guid id, EndOperationRequest? request, EndOperation end,
        Texts texts, CancellationToken ct) =>
        OperationsProblems.OkOr(await end.EndAsync(id, request, ct), texts);
}
