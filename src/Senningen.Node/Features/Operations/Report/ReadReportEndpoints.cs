using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.Report;

/// <summary>
/// <c>GET /api/v1/operations/{id}/report</c> and <c>GET /api/v1/alerts/{id}/report</c> (<c>lang=nl|fr|de|en</c>):
/// 409 before the operation ended; audited.
/// </summary>
internal static class ReadReportEndpoints
{
    public static async Task<Results<Ok<AfterActionReport>, ProblemHttpResult>> OfOperationAsync(Guid id, string? lang, ReadReport read, Texts texts,
        CancellationToken ct) =>
        OperationsProblems.OkOr(await read.OfOperationAsync(id, lang, ct), texts);

    public static async Task<Results<Ok<AfterActionReport>, ProblemHttpResult>> OfAlertAsync(Guid id, string? lang, ReadReport read, Texts texts,
        CancellationToken ct) =>
        OperationsProblems.OkOr(await read.OfAlertAsync(id, lang, ct), texts);
}
