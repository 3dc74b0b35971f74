using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange.Data;

namespace Senningen.Node.Common.Exchange;

internal static class InboxRows
{
    public static InboxMessage From(SignedEnvelope incoming, string hash, DateTimeOffset now, string receipt)
    {
        var e = incoming.Envelope;
        return new InboxMessage
        {
            Id = e.Id,
            Sender = e.Sender.Value,
            ConversationId = e.ConversationId,
            Sequence = e.Sequence,
            Type = e.Type,
            Version = e.Version,
            CreatedAtMs = e.CreatedAt.ToUnixTimeMilliseconds(),
            ExpiresAtMs = e.ExpiresAt.ToUnixTimeMilliseconds(),
            CaseReference = e.CaseReference,
            Payload = e.Payload,
            KeyId = incoming.KeyId,
            Signature = incoming.Signature,
            EnvelopeHash = hash,
            ReceivedAtMs = now.ToUnixTimeMilliseconds(),
            Receipt = receipt,
            Status = InboxStatus.Accepted,
            NextHandleAtMs = now.ToUnixTimeMilliseconds(),
        };
    }
}
