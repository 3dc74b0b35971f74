using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary><c>GET /api/v1/alerts</c> and <c>GET /api/v1/alerts/{id}</c>, both audited.</summary>
internal static class ReadAlertsEndpoints
{
    public static async Task<Ok<IReadOnlyList<AlertView>>> ListAsync(ReadAlerts read, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(seen: null, ct, PageRequest.Of(http, ReadAlerts.ListDefault)));

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(Guid id, ReadAlerts read, Texts texts, CancellationToken ct) =>
        OperationsProblems.OkOr(await read.GetAsync(id, ct), texts);
}
