using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Report;

namespace Senningen.Node.Features.Operations.Read;

/// <summary>Reading this node's own operations. An operation describes a suspect, so reads of one are audited.</summary>
internal static class ReadOperations
{
    public static async Task<Results<Ok<OperationList>, ProblemHttpResult>> ListAsync(string? active, string? take, OperationReader reader,
        Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        validator.OneOf("active", active, ["true", "false"]);
        var count = validator.WholeNumber("take", take, 50, 1, 500);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(new OperationList(await reader.ListAsync(active == "true", count, Texts.CurrentLanguage, ct)));
    }

    public static async Task<Results<Ok<OperationView>, ProblemHttpResult>> GetAsync(Guid id, OperationReader reader, AuditLog audit,
        NodeSettings settings, ClaimsPrincipal user, Texts texts, CancellationToken ct)
    {
        var view = await reader.GetAsync(id, Texts.CurrentLanguage, ct);
        if (view is null)
        {
            return Problems.NotFound(texts, texts["ops.operation"]);
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.OperationRead, AuditOutcomes.Success, [$"operation:{id}"],
            CaseReference: view.CaseReference), Actor.From(user, settings), ct);
        return TypedResults.Ok(view);
    }

    public static async Task<Results<Ok<AfterActionReport>, ProblemHttpResult>> ReportAsync(Guid id, string? lang, SenningenDbContext db,
        ReportRenderer renderer, AuditLog audit, NodeSettings settings, ClaimsPrincipal user, Texts texts, TimeProvider clock, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        validator.OneOf("lang", lang, Texts.Languages);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var operation = await db.Operations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (operation is null)
        {
            return Problems.NotFound(texts, texts["ops.operation"]);
        }

        if (operation.Report is null)
        {
            return Problems.Conflict(texts, texts["ops.problem.not-ended"]);
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.OperationRead, AuditOutcomes.Success, [$"operation:{id}"],
            CaseReference: operation.CaseReference, Detail: "after-action report"), Actor.From(user, settings), ct);
        return TypedResults.Ok(renderer.RenderStored(operation.Report, lang, clock.GetUtcNow()));
    }
}
