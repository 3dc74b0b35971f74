using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary><c>POST /api/v1/alerts/{id}/acknowledge</c>: 200 with the alert; 400 for a long note, 404, or 409 (acknowledged, closed, changed meanwhile).</summary>
internal static class AcknowledgeAlertEndpoint
{
    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> HandleAsync(Guid id, AcknowledgeAlertRequest? request, AcknowledgeAlert acknowledge,
        Texts texts, CancellationToken ct) =>
        OperationsProblems.OkOr(await acknowledge.AcknowledgeAsync(id, request, ct), texts);
}
