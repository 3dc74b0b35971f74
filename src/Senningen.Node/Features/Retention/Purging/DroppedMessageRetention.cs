using Microsoft.EntityFrameworkCore;
using Senningen.Core.Exchange;
using Senningen.Core.Retention;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;

namespace Senningen.Node.Features.Retention.Purging;

/// <summary>
/// Received messages an operator dropped unhandled: no business record took their content in, the sender holds its own
/// copy and the signed rejection, so they keep only the envelope (the proof) once their shorter period is over, counted
/// from the drop. The operator's reason can name a person: it is cut back to the reason code.
/// </summary>
internal sealed class DroppedMessageRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.DroppedMessage;

    // The same table as exchange-message: that kind takes the handled rows, this one the dropped ones.
    public IReadOnlyList<string> Tables { get; } = ["exchange_inbox"];

    public CountedFrom CountedFrom => CountedFrom.MessageCompletion;

    public RetentionAction Action => RetentionAction.Anonymise;

    public IReadOnlyList<string> Fields { get; } = ["payload", "caseReference", "lastError"];

    private IQueryable<InboxMessage> Kept => db.Inbox.Where(m => m.Status == InboxStatus.Dropped && m.HandledAt != null
        && (m.Payload != ExchangeMessageRetention.EmptyPayload || m.CaseReference != null || m.LastError != RejectionReasons.DroppedByOperator));

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct)
    {
        var count = await Kept.LongCountAsync(ct);
        return new RetentionSurvey(count, count == 0 ? null : await Kept.OrderBy(m => m.HandledAt).Select(m => m.HandledAt).FirstAsync(ct));
    }

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences);
        var due = Kept.Where(m => m.HandledAt < cutoff && !ids.Contains(m.Id) && (m.CaseReference == null || !cases.Contains(m.CaseReference)))
            .OrderBy(m => m.HandledAt).Take(chunk.Limit).Select(m => m.Id);
        using (await db.EnterWriteAsync(ct))
        {
            return await db.Inbox.Where(m => due.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, ExchangeMessageRetention.EmptyPayload)
                .SetProperty(m => m.CaseReference, (string?)null).SetProperty(m => m.LastError, RejectionReasons.DroppedByOperator), ct);
        }
    }
}
