using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Operations;
using Senningen.Core.Countries;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Report;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.End;

/// <summary>
/// <c>POST /api/v1/operations/{id}/end</c>: records the outcome, keeps the after-action report with the operation
/// and sends its facts to every partner that was notified, in the same transaction.
/// </summary>
internal static class EndOperation
{
    public static async Task<Results<Ok<OperationView>, ProblemHttpResult>> HandleAsync(Guid id, EndOperationRequest? request,
        SenningenDbContext db, Outbox outbox, AuditLog audit, OperationReader reader, ChangeFeed<OperationsChange> feed, NodeSettings settings, ClaimsPrincipal user, Texts texts,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        if (validator.Required("outcome", request?.Outcome))
        {
            validator.OneOf("outcome", request!.Outcome, OperationTypes.Outcomes);
        }

        validator.MaxLength("note", request?.Note, 2000);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var operation = await db.Operations.Include(o => o.Units).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (operation is null)
        {
            return Problems.NotFound(texts, texts["ops.operation"]);
        }

        if (operation.Status == OperationStatus.Ended)
        {
            return Problems.Conflict(texts, texts["ops.problem.ended"]);
        }

        var now = clock.GetUtcNow();
        operation.Status = OperationStatus.Ended;
        operation.EndedAtMs = now.ToUnixTimeMilliseconds();
        operation.Outcome = request!.Outcome;
        operation.EndNote = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        OperationLog.Add(db, operation.Id, now, EventKinds.Ended, operation.Outcome);
        var facts = await ReportFactsBuilder.BuildAsync(db, operation, ct);
        operation.Report = JsonSerializer.Serialize(facts, WireMapping.Json);
        var partners = await db.PartnerNotices.Where(n => n.OperationId == id).Select(n => n.Partner).Distinct().ToListAsync(ct);
        foreach (var partner in partners.Select(CountryCode.Parse))
        {
            await outbox.EnqueueAsync(partner, EndedPayload.Type, 1, new EndedPayload(operation.Id, request.Outcome!, now, facts),
                Conversations.For(operation.Id, partner), operation.CaseReference, cancellationToken: ct);
        }

        audit.Add(new AuditRecord(AuditActions.OperationEnded, AuditOutcomes.Success, [$"operation:{operation.Id}"],
            CaseReference: operation.CaseReference, Recipient: partners.Count > 0 ? string.Join(',', partners) : null,
            Detail: $"outcome {operation.Outcome}; report kept and sent to {partners.Count} partner(s)"), Actor.From(user, settings));
        await db.SaveChangesAsync(ct);
        feed.Publish(OperationsChange.Operation(operation.Id));
        return TypedResults.Ok((await reader.GetAsync(operation.Id, Texts.CurrentLanguage, ct))!);
    }
}
