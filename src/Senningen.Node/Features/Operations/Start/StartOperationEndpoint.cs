using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Operations.Start;

/// <summary><c>POST /api/v1/operations</c>: 201 with the operation, or 400 naming each broken field rule.</summary>
internal static class StartOperationEndpoint
{
    public static async Task<Results<Created<OperationView>, ProblemHttpResult>> HandleAsync(StartOperationRequest? request, StartOperation start,
        Texts texts, CancellationToken ct)
    {
        var outcome = await start.StartAsync(request, ct);
        return outcome.Value is { } view
            ? TypedResults.Created($"/api/v1/operations/{view.Id}", view)
            : OperationsProblems.Of(outcome.Failure!, texts);
    }
}
