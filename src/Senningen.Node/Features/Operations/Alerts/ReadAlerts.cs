using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Contracts.Users;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Report;

namespace Senningen.Node.Features.Operations.Alerts;

/// <summary>Reading alerts: control rooms see all of this node's; the national desk (liaison) sees the escalated ones.</summary>
internal static class ReadAlerts
{
    public static async Task<Ok<IReadOnlyList<AlertView>>> ListAsync(AlertReader reader, NodeSettings settings, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var escalatedOnly = !user.IsInRole(Roles.ControlRoom);
        var alerts = await reader.ListAsync(Texts.CurrentLanguage, TimeSpan.FromHours(12), escalatedOnly, ct);
        await reader.AuditReadAsync([.. alerts.Select(a => a.Id)], null, Actor.From(user, settings), ct);
        return TypedResults.Ok(alerts);
    }

    public static async Task<Results<Ok<AlertView>, ProblemHttpResult>> GetAsync(Guid id, AlertReader reader, NodeSettings settings,
        ClaimsPrincipal user, Texts texts, CancellationToken ct) =>
        await reader.GetAsync(id, Texts.CurrentLanguage, Actor.From(user, settings), ct) is { } view
            ? TypedResults.Ok(view)
            : Problems.NotFound(texts, texts["alerts.alert"]);

    public static async Task<Results<Ok<AfterActionReport>, ProblemHttpResult>> ReportAsync(Guid id, string? lang, SenningenDbContext db,
        AlertReader reader, ReportRenderer renderer, NodeSettings settings, ClaimsPrincipal user, Texts texts, TimeProvider clock,
        CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        validator.OneOf("lang", lang, Texts.Languages);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return Problems.NotFound(texts, texts["alerts.alert"]);
        }

        if (alert.Report is null)
        {
            return Problems.Conflict(texts, texts["ops.problem.not-ended"]);
        }

        await reader.AuditReadAsync([alert.Id], alert.CaseReference, Actor.From(user, settings), ct);
        return TypedResults.Ok(renderer.RenderStored(alert.Report, lang, clock.GetUtcNow()));
    }
}
