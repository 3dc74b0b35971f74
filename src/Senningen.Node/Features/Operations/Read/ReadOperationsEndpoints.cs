using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.Read;

/// <summary><c>GET /api/v1/operations</c> and <c>GET /api/v1/operations/{id}</c> (audited).</summary>
internal static class ReadOperationsEndpoints
{
    public static async Task<Results<Ok<OperationList>, ProblemHttpResult>> ListAsync(string? active, string? take, ReadOperations read,
        Texts texts, HttpContext http, CancellationToken ct) =>
        OperationsProblems.OkOr(await read.ListAsync(active, take, http, ct), texts);

    public static async Task<Results<Ok<OperationView>, ProblemHttpResult>> GetAsync(Guid id, ReadOperations read, Texts texts, CancellationToken ct) =>
        OperationsProblems.OkOr(await read.GetAsync(id, audited: true, ct), texts);
}
