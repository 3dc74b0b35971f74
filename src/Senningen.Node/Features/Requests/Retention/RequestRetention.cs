using Microsoft.EntityFrameworkCore;
using Senningen.Core.Requests;
using Senningen.Core.Retention;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests.Retention;

/// <summary>
/// A closed request (refused, done, archived, withdrawn) loses its form values, case, reasons and attachments, counted
/// from its last change once closed; type, countries, state, dates and timeline steps stay for the Directive's statistics.
/// A hold names the request or its case.
/// </summary>
internal sealed class RequestRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.Request;

    public IReadOnlyList<string> Tables { get; } = ["requests_requests", "requests_events", "requests_attachments"];

    public CountedFrom CountedFrom => CountedFrom.RequestClosing;

    public RetentionAction Action => RetentionAction.Anonymise;

    public IReadOnlyList<string> Fields { get; } = ["fields", "caseReference", "delayReason", "eventReasons", "attachments"];

    /// <summary>Closed requests that still hold their form, case or reasons.</summary>
    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct)
    {
        var kept = db.Requests.Where(r => (r.State == RequestState.Refused || r.State == RequestState.Done || r.State == RequestState.Archived
            || r.State == RequestState.Withdrawn) && (r.Fields != "{}" || r.CaseReference != null || r.DelayReason != null));
        return RetentionSurvey.Of(await kept.LongCountAsync(ct), await kept.OrderBy(r => r.UpdatedAt).Select(r => r.UpdatedAt).FirstOrDefaultAsync(ct));
    }

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences);
        var (attachments, events) = (db.RequestAttachments, db.RequestEvents);
        using (await db.EnterWriteAsync(ct))
        {
            // Inside the purge's own transaction (the chunk commits with its audit entry) when there is one.
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var due = await db.Requests
                .Where(r => (r.State == RequestState.Refused || r.State == RequestState.Done || r.State == RequestState.Archived || r.State == RequestState.Withdrawn)
                    && r.UpdatedAt < cutoff && !ids.Contains(r.Id)
                    && (r.CaseReference == null || !cases.Contains(r.CaseReference))
                    && (r.Fields != "{}" || r.CaseReference != null || r.DelayReason != null
                        || attachments.Any(a => a.RequestId == r.Id) || events.Any(e => e.RequestId == r.Id && e.Reason != null)))
                .OrderBy(r => r.UpdatedAt).Take(chunk.Limit).Select(r => r.Id).ToListAsync(ct);
            await db.RequestAttachments.Where(a => due.Contains(a.RequestId)).ExecuteDeleteAsync(ct);
            await db.RequestEvents.Where(e => due.Contains(e.RequestId) && e.Reason != null).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, (string?)null), ct);
            var anonymised = await db.Requests.Where(r => due.Contains(r.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Fields, "{}").SetProperty(r => r.CaseReference, (string?)null).SetProperty(r => r.DelayReason, (string?)null), ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return anonymised;
        }
    }
}
