using Microsoft.EntityFrameworkCore;
using Senningen.Core.Retention;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Idempotency;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;

namespace Senningen.Node.Features.Retention.Purging;

/// <summary>
/// Exchanged messages keep their envelope (ids, sequence, signature, hash, receipt: the proof of who said what and when)
/// but lose the payload and case once done: handled when received, receipted, refused or expired when sent. A message
/// still waiting is never touched, so delivery and ordering are unchanged. A hold names the message or its case.
/// </summary>
internal sealed class ExchangeMessageRetention(SenningenDbContext db) : IRetentionTarget
{
    /// <summary>An emptied payload is still JSON, so every reader of a stored envelope reads it.</summary>
    public const string EmptyPayload = "{}";

    public string Kind => RetentionKinds.ExchangeMessage;

    public IReadOnlyList<string> Tables { get; } = ["exchange_inbox", "exchange_outbox"];

    public CountedFrom CountedFrom => CountedFrom.MessageCompletion;

    public RetentionAction Action => RetentionAction.Anonymise;

    public IReadOnlyList<string> Fields { get; } = ["payload", "caseReference"];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct)
    {
        var inbox = db.Inbox.Where(m => m.Status == InboxStatus.Handled && m.HandledAt != null && (m.Payload != EmptyPayload || m.CaseReference != null));
        var outbox = db.Outbox.Where(m => m.Status != OutboxStatus.Queued && m.CompletedAt != null && (m.Payload != EmptyPayload || m.CaseReference != null));
        var (received, sent) = (await inbox.LongCountAsync(ct), await outbox.LongCountAsync(ct));
        DateTimeOffset?[] oldest =
        [
            received == 0 ? null : await inbox.OrderBy(m => m.HandledAt).Select(m => m.HandledAt!.Value).FirstAsync(ct),
            sent == 0 ? null : await outbox.OrderBy(m => m.CompletedAt).Select(m => m.CompletedAt!.Value).FirstAsync(ct),
        ];
        return new RetentionSurvey(received + sent, oldest.Min());
    }

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var (cutoff, ids, cases) = (chunk.Cutoff, chunk.Holds.RecordIds, chunk.Holds.CaseReferences);
        var inbox = db.Inbox
            .Where(m => m.Status == InboxStatus.Handled && m.HandledAt < cutoff && !ids.Contains(m.Id) && (m.CaseReference == null || !cases.Contains(m.CaseReference))
                && (m.Payload != EmptyPayload || m.CaseReference != null))
            .OrderBy(m => m.HandledAt).Take(chunk.Limit).Select(m => m.Id);
        var outbox = db.Outbox
            .Where(m => m.Status != OutboxStatus.Queued && m.CompletedAt < cutoff && !ids.Contains(m.Id) && (m.CaseReference == null || !cases.Contains(m.CaseReference))
                && (m.Payload != EmptyPayload || m.CaseReference != null))
            .OrderBy(m => m.CompletedAt).Take(chunk.Limit).Select(m => m.Id);
        using (await db.EnterWriteAsync(ct))
        {
            var received = await db.Inbox.Where(m => inbox.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, EmptyPayload).SetProperty(m => m.CaseReference, (string?)null), ct);
            var sent = await db.Outbox.Where(m => outbox.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Payload, EmptyPayload).SetProperty(m => m.CaseReference, (string?)null), ct);
            // Either table at its limit makes the sum reach it, so the worker asks again.
            return received + sent;
        }
    }
}

/// <summary>The answers kept for replaying an <c>Idempotency-Key</c>, counted from the request; they name no case.</summary>
internal sealed class IdempotentAnswerRetention(SenningenDbContext db) : IRetentionTarget
{
    public string Kind => RetentionKinds.IdempotentAnswer;

    public IReadOnlyList<string> Tables { get; } = ["common_idempotent_requests"];

    public CountedFrom CountedFrom => CountedFrom.Creation;

    public RetentionAction Action => RetentionAction.Delete;

    public IReadOnlyList<string> Fields => [];

    public async Task<RetentionSurvey> SurveyAsync(CancellationToken ct)
    {
        var answers = db.Set<IdempotentRequest>();
        var count = await answers.LongCountAsync(ct);
        return new RetentionSurvey(count, count == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(await answers.MinAsync(r => r.CreatedAtMs, ct)));
    }

    public async Task<int> ApplyAsync(RetentionChunk chunk, CancellationToken ct)
    {
        var cutoffMs = chunk.Cutoff.ToUnixTimeMilliseconds();
        var due = db.Set<IdempotentRequest>().Where(r => r.CreatedAtMs < cutoffMs).OrderBy(r => r.CreatedAtMs).Take(chunk.Limit);
        using (await db.EnterWriteAsync(ct))
        {
            // The key is (user, key): delete by the same pair the subquery picked.
            return await db.Set<IdempotentRequest>().Where(r => due.Any(d => d.UserName == r.UserName && d.Key == r.Key)).ExecuteDeleteAsync(ct);
        }
    }
}
