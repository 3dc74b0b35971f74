using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Access;
using Senningen.Core.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Lifecycle;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Report;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.End;

/// <summary>
/// Ends an operation with its outcome, keeps the after-action report with it and sends the report's facts to every
/// partner that was notified, in the same transaction. Shared by the API, the console form and the demo (acting as the
/// officer who started it, so their own unit's).
/// </summary>
internal sealed class EndOperation(SenningenDbContext db, Outbox outbox, AuditLog audit, OperationReader reader, ChangeFeed<OperationsChange> feed,
    CurrentOfficer officer, NeedToKnowGuard guard, Texts texts, TimeProvider clock)
{
    public async Task<Outcome<OperationView>> EndAsync(Guid id, EndOperationRequest? request, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        if (validator.Required("outcome", request?.Outcome))
        {
            validator.OneOf("outcome", request!.Outcome, OperationTypes.Outcomes);
        }

        validator.MaxLength("note", request?.Note, 2000);
        if (validator.HasErrors)
        {
            return Failure.Invalid(validator.Errors);
        }

        var operation = await db.Operations.Include(o => o.Units).FirstOrDefaultAsync(o => o.Id == id, ct);
        // Ending needs the reach to change: a liaison officer who may read another unit's pursuit does not end it.
        if (operation is null || !await guard.CheckAsync(Capability.Operations, AccessKind.Change, Owner.Of(operation.OwnerUnit, operation.HomeZone),
                $"operation:{id}", ct))
        {
            return Failure.NotFound(texts, texts["ops.operation"]);
        }

        if (!OperationSteps.Decide(operation, OperationAction.End).IsAllowed)
        {
            return Failure.Conflict(texts["ops.problem.ended"]);
        }

        var now = clock.GetUtcNow();
        OperationSteps.End(operation, request!.Outcome!, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(), now);
        OperationLog.Add(db, operation.Id, now, EventKinds.Ended, operation.Outcome);
        var facts = await ReportFactsBuilder.BuildAsync(db, operation, ct);
        OperationSteps.KeepReport(operation, JsonSerializer.Serialize(facts, WireMapping.Json));
        var partners = await db.PartnerNotices.Where(n => n.OperationId == id).Select(n => n.Partner).Distinct().ToListAsync(ct);
        foreach (var partner in partners)
        {
            await outbox.EnqueueAsync(partner, EndedPayload.Type, 1, new EndedPayload(operation.Id, request.Outcome!, now, facts),
                Conversations.For(operation.Id, partner), operation.CaseReference, cancellationToken: ct);
        }

        audit.Add(new AuditRecord(AuditActions.OperationEnded, AuditOutcomes.Success, [$"operation:{operation.Id}"],
            CaseReference: operation.CaseReference, Recipient: partners.Count > 0 ? string.Join(',', partners) : null,
            Detail: $"outcome {operation.Outcome}; report kept and sent to {partners.Count} partner(s)"), officer.Actor);
        await db.SaveChangesAsync(ct);
        feed.Publish(OperationsChange.Operation(operation.Id));
        return (await reader.GetAsync(operation.Id, Texts.CurrentLanguage, ct))!;
    }
}
