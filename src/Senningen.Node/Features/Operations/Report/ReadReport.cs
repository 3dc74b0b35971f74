using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Lifecycle;

namespace Senningen.Node.Features.Operations.Report;

/// <summary>
/// The after-action report in one language, for the API and the report page: of an operation of this node once it
/// is reported, or the partner's report kept with one of our alerts once the partner ended it. Every read is audited;
/// an operation or alert outside the reader's need to know is not found, and the attempt an audited denial.
/// </summary>
internal sealed class ReadReport(SenningenDbContext db, ReportRenderer renderer, AuditLog audit, AlertReader alerts, CurrentOfficer officer,
    NeedToKnowGuard guard, Texts texts, TimeProvider clock)
{
    /// <param name="language">nl, fr, de or en; the reader's language when null.</param>
    public async Task<Outcome<AfterActionReport>> OfOperationAsync(Guid id, string? language, CancellationToken ct)
    {
        if (Language(language) is { } invalid)
        {
            return invalid;
        }

        var operation = await db.Operations.AsNoTracking().Include(o => o.Units).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (operation is null || !await guard.CheckAsync(Capability.Operations, AccessKind.Read, Owner.Of(operation.OwnerUnit, operation.HomeZone),
                $"operation:{id}", ct))
        {
            return Failure.NotFound(texts, texts["ops.operation"]);
        }

        if (!OperationSteps.Decide(operation, OperationAction.ReadReport).IsAllowed)
        {
            return Failure.Conflict(texts["ops.problem.not-ended"]);
        }

        await audit.WriteAsync(new AuditRecord(AuditActions.OperationRead, AuditOutcomes.Success, [$"operation:{id}"],
            CaseReference: operation.CaseReference, Detail: "after-action report"), officer.Actor, ct);
        return renderer.RenderStored(operation.Report!, language, clock.GetUtcNow());
    }

    /// <param name="language">nl, fr, de or en; the reader's language when null.</param>
    public async Task<Outcome<AfterActionReport>> OfAlertAsync(Guid id, string? language, CancellationToken ct)
    {
        if (Language(language) is { } invalid)
        {
            return invalid;
        }

        var alert = await db.Alerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null || !await guard.CheckAsync(Capability.Alerts, AccessKind.Read, AlertReader.OwnerOf(alert), $"alert:{id}", ct))
        {
            return Failure.NotFound(texts, texts["alerts.alert"]);
        }

        // The partner's report arrives with its end message, whatever the alert's status by then.
        if (alert.Report is null)
        {
            return Failure.Conflict(texts["ops.problem.not-ended"]);
        }

        await alerts.AuditReadAsync([alert.Id], alert.CaseReference, officer.Actor, ct);
        return renderer.RenderStored(alert.Report, language, clock.GetUtcNow());
    }

    private Failure? Language(string? language)
    {
        var validator = new RequestValidator(texts);
        validator.OneOf("lang", language, Texts.Languages);
        return validator.HasErrors ? Failure.Invalid(validator.Errors) : null;
    }
}
