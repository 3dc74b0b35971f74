using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange.Data;
using Senningen.Node.Common.Persistence;

namespace Senningen.Node.Common.Exchange;

internal static class InboxRows
{
    private const string Insert = """
        INSERT INTO exchange_inbox ("Id", "Sender", "ConversationId", "Sequence", "Type", "Version", "CreatedAtMs", "ExpiresAtMs",
          "CaseReference", "Payload", "KeyId", "Signature", "EnvelopeHash", "ReceivedAtMs", "Receipt", "Status", "HandleAttempts",
          "NextHandleAtMs", "HandledAtMs", "LastError", "ClaimedBy", "ClaimedUntilMs")
        VALUES (@id, @sender, @conversation, @sequence, @type, @version, @created, @expires, @case, @payload, @key, @signature, @hash,
          @received, @receipt, @status, 0, @next, NULL, NULL, NULL, NULL)
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
        };
    }

    /// <summary>
    /// One prepared INSERT per row, in the save's transaction: a request's envelopes cost no change tracking. A second
    /// copy of an id fails on the key, as the tracked insert did, and the caller retries one by one.
    /// </summary>
    public static async Task<int> InsertAsync(SenningenDbContext db, IReadOnlyList<InboxMessage> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        await using var command = db.CreateCommand(Insert);
        var id = command.Add("@id", Guid.Empty);
        var sender = command.Add("@sender", "");
        var conversation = command.Add("@conversation", Guid.Empty);
        var sequence = command.Add("@sequence", 0L);
        var type = command.Add("@type", "");
        var version = command.Add("@version", 0);
        var created = command.Add("@created", 0L);
        var expires = command.Add("@expires", 0L);
        var caseReference = command.Add("@case", null);
        var payload = command.Add("@payload", "");
        var key = command.Add("@key", "");
        var signature = command.Add("@signature", "");
        var hash = command.Add("@hash", "");
        var received = command.Add("@received", 0L);
        var receipt = command.Add("@receipt", "");
        command.Add("@status", (int)InboxStatus.Accepted);
        var next = command.Add("@next", 0L);
        var written = 0;
        foreach (var row in rows)
        {
            id.Value = row.Id;
            sender.Value = row.Sender.Value;
            conversation.Value = row.ConversationId;
            sequence.Value = row.Sequence;
            type.Value = row.Type;
            version.Value = row.Version;
            created.Value = row.CreatedAt.ToUnixTimeMilliseconds();
            expires.Value = row.ExpiresAt.ToUnixTimeMilliseconds();
            caseReference.Value = (object?)row.CaseReference ?? DBNull.Value;
            payload.Value = row.Payload;
            key.Value = row.KeyId;
            signature.Value = row.Signature;
            hash.Value = row.EnvelopeHash;
            received.Value = row.ReceivedAt.ToUnixTimeMilliseconds();
            receipt.Value = row.Receipt;
            next.Value = row.NextHandleAt.ToUnixTimeMilliseconds();
            written += await command.ExecuteOneAsync(ct);
        }

        return written;
    }
}
