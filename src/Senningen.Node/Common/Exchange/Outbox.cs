using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

/// <summary>
/// Puts a signed message to a partner into the current unit of work: the caller's SaveChangesAsync commits the
/// business change, the message and its audit entry together; the dispatcher delivers it after commit.
/// </summary>
public sealed class Outbox(SenningenDbContext db, NodeKeyRing keys, NodeSettings settings, AuditLog audit, TimeProvider clock,
    DispatchSignal signal, PayloadProtection protection)
{
    private bool _watching;

    /// <param name="marks">The sender's own marking or priority; what it leaves out is the type's default (<see cref="MessageDefaults"/>).</param>
    public async Task<OutboxMessage> EnqueueAsync<TPayload>(CountryCode recipient, string type, int version, TPayload payload,
        Guid? conversationId = null, string? caseReference = null, TimeSpan? lifetime = null, Actor? actor = null, MessageMarks? marks = null,
        CancellationToken cancellationToken = default)
    {
        if (!settings.Partners.Any(p => p.Country == recipient))
        {
            throw new InvalidOperationException($"{recipient} is not a configured partner of this node.");
        }

        var conversation = conversationId ?? Guid.CreateVersion7(clock.GetUtcNow());
        // A new conversation starts at 1; only a continued one needs to look up where it stands.
        var sequence = conversationId is null ? 1 : 1 + await LastSequenceAsync(conversation, cancellationToken);
        var created = WireMapping.Truncate(clock.GetUtcNow());
        var id = Guid.CreateVersion7(created);
        var defaults = MessageDefaults.Find(type);
        var handling = marks?.Handling ?? defaults?.Handling;
        var priority = marks?.Priority ?? defaults?.Priority ?? MessagePriority.Routine;
        // Encrypted before it is signed (ADR 0029): the signature, the receipt's hash and the stored row all cover the ciphertext;
        // the handling codes and priority stay readable in the envelope (ADR 0030).
        var sealedPayload = await protection.SealAsync(recipient, type, id, JsonSerializer.Serialize(payload, WireMapping.Json), cancellationToken);
        var envelope = new MessageEnvelope(id, conversation, sequence, type, version, settings.Country, recipient,
            created, created + (lifetime ?? settings.Exchange.MessageLifetime), caseReference, sealedPayload,
            handling is { } h ? EnvelopeHandling.Of(h) : null, MessagePriorities.WireName(priority));
        var key = keys.Current;
        var message = new OutboxMessage
        {
            Id = envelope.Id,
            ConversationId = conversation,
            Sequence = sequence,
            Type = type,
            Version = version,
            Recipient = recipient,
            CreatedAt = created,
            ExpiresAt = WireMapping.Truncate(envelope.ExpiresAt),
            CaseReference = caseReference,
            Payload = envelope.Payload,
            KeyId = key.KeyId,
            Signature = Es256.Sign(key.Key, CanonicalForm.Of(envelope)),
            Status = OutboxStatus.Queued,
            NextAttemptAt = created,
            Handling = handling?.Text,
            HandlingConditions = handling?.Conditions,
            Priority = priority,
        };
        db.Outbox.Add(message);
        audit.Add(new AuditRecord(AuditActions.MessageSent, AuditOutcomes.Success, [$"message:{message.Id}"],
            CaseReference: caseReference, Recipient: recipient.Value, Detail: $"{type} v{version}, conversation {conversation} #{sequence}"), actor);
        WatchCommit();
        return message;
    }

    private async Task<long> LastSequenceAsync(Guid conversation, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.Entity.ConversationId == conversation)
            .Select(e => e.Entity.Sequence).DefaultIfEmpty(0).Max();
        var stored = await db.Outbox.Where(m => m.ConversationId == conversation).MaxAsync(m => (long?)m.Sequence, cancellationToken) ?? 0;
        return Math.Max(pending, stored);
    }

    private void WatchCommit()
    {
        if (_watching)
        {
            return;
        }

        _watching = true;
        db.AfterCommit(() =>
        {
            _watching = false;
            signal.OutboxChanged();
        });
    }
}

/// <summary>What the one who sends a message says about it beyond the type's defaults: a desk's marking, a request's urgency.</summary>
public sealed record MessageMarks(HandlingMarking? Handling = null, MessagePriority? Priority = null);
