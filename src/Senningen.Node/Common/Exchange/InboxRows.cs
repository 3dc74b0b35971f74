using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

internal static class InboxRows
{
    private const string Insert = """
        INSERT INTO exchange_inbox ("Id", "Sender", "ConversationId", "Sequence", "Type", "Version", "CreatedAtMs", "ExpiresAtMs",
          "CaseReference", "Payload", "KeyId", "Signature", "EnvelopeHash", "ReceivedAtMs", "Receipt", "Status", "HandleAttempts",
          "NextHandleAtMs", "HandledAtMs", "LastError", "ClaimedBy", "ClaimedUntilMs", "Handling", "HandlingConditions", "Priority")
        VALUES (@id, @sender, @conversation, @sequence, @type, @version, @created, @expires, @case, @payload, @key, @signature, @hash,
          @received, @receipt, @status, 0, @next, NULL, NULL, NULL, NULL, @handling, @conditions, @priority)
        """;

    public static InboxMessage From(SignedEnvelope incoming, string hash, DateTimeOffset now, string receipt)
    {
        var e = incoming.Envelope;
        return new InboxMessage
        {
            Id = e.Id,
            Sender = e.Sender,
            ConversationId = e.ConversationId,
            Sequence = e.Sequence,
            Type = e.Type,
            Version = e.Version,
            CreatedAt = e.CreatedAt,
            ExpiresAt = e.ExpiresAt,
            CaseReference = e.CaseReference,
            Payload = e.Payload,
            KeyId = incoming.KeyId,
            Signature = incoming.Signature,
            EnvelopeHash = hash,
            ReceivedAt = now,
            Receipt = receipt,
            Status = InboxStatus.Accepted,
            NextHandleAt = now,
            // Inspection refused a bad marking or priority before this row was made: what is stored here is valid.
            Handling = e.Handling?.Parse().Marking?.Text,
            HandlingConditions = e.Handling?.Conditions,
            Priority = MessagePriorities.FromWire(e.Priority) ?? MessagePriority.Routine,
        };
    }

    private static readonly string[] Names =
    [
        "@id", "@sender", "@conversation", "@sequence", "@type", "@version", "@created", "@expires", "@case", "@payload", "@key", "@signature",
        "@hash", "@received", "@receipt", "@status", "@next", "@handling", "@conditions", "@priority",
    ];

    /// <summary>
    /// One INSERT per row (<see cref="RowStatement"/>: one round trip on PostgreSQL), in the save's transaction: a
    /// request's envelopes cost no change tracking. A second copy of an id fails on the key, as the tracked insert did,
    /// and the caller retries one by one.
    /// </summary>
    public static async Task<int> InsertAsync(SenningenDbContext db, IReadOnlyList<InboxMessage> rows, CancellationToken ct)
    {
        var touched = await RowStatement.RunAsync(db, Insert, Names, rows, row =>
        [
            row.Id, row.Sender.Value, row.ConversationId, row.Sequence, row.Type, row.Version, row.CreatedAt.ToUnixTimeMilliseconds(),
            row.ExpiresAt.ToUnixTimeMilliseconds(), row.CaseReference, row.Payload, row.KeyId, row.Signature, row.EnvelopeHash,
            row.ReceivedAt.ToUnixTimeMilliseconds(), row.Receipt, (int)InboxStatus.Accepted, row.NextHandleAt.ToUnixTimeMilliseconds(),
            row.Handling, row.HandlingConditions, (int)row.Priority,
        ], ct);
        return touched.All(t => t == 1) ? rows.Count : throw new InvalidOperationException($"Expected one row per envelope, wrote {string.Join(',', touched)}.");
    }
}
