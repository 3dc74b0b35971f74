using System.Text.Json;
using Senningen.Contracts.Exchange;
using Senningen.Core.Countries;
using Senningen.Core.Exchange;
using Senningen.Node.Common.Exchange.Data;

namespace Senningen.Node.Common.Exchange;

/// <summary>Between the wire records, the Core envelope and the stored rows.</summary>
internal static class WireMapping
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Null when a country on the envelope is not one we know (the caller rejects it).</summary>
    public static SignedEnvelope? ToSigned(EnvelopeWire wire)
    {
        var sender = CountryCode.ParseOrDefault(wire.Sender);
        var recipient = CountryCode.ParseOrDefault(wire.Recipient);
        if (wire.Type is null || wire.Payload is null || wire.KeyId is null || wire.Signature is null)
        {
            return null;
        }

        var envelope = new MessageEnvelope(wire.Id, wire.Conversation, wire.Sequence, wire.Type, wire.Version, sender, recipient,
            FromMs(wire.Created), FromMs(wire.Expires), wire.Case, wire.Payload,
            wire.Handling is { } h ? new EnvelopeHandling(h.Code ?? "", h.Reliability ?? "", h.Accuracy ?? "", h.Conditions) : null, wire.Priority);
        return new SignedEnvelope(envelope, wire.KeyId, wire.Signature);
    }

    /// <summary>A stored marking (<c>H2/B/2</c> and its conditions) as it is signed and travels.</summary>
    public static EnvelopeHandling? HandlingOf(string? text, string? conditions) =>
        text?.Split('/') is [var code, var reliability, var accuracy] ? new EnvelopeHandling(code, reliability, accuracy, conditions) : null;

    private static HandlingWire? ToWire(EnvelopeHandling? h) => h is null ? null : new HandlingWire(h.Code, h.Reliability, h.Accuracy, h.Conditions);

    public static EnvelopeWire ToWire(OutboxMessage m, CountryCode self) => new(m.Id, m.ConversationId, m.Sequence, m.Type, m.Version,
        self.Value, m.Recipient.Value, m.CreatedAt.ToUnixTimeMilliseconds(), m.ExpiresAt.ToUnixTimeMilliseconds(), m.CaseReference, m.Payload, m.KeyId,
        m.Signature, ToWire(HandlingOf(m.Handling, m.HandlingConditions)), MessagePriorities.WireName(m.Priority));

    public static EnvelopeWire ToWire(InboxMessage m, CountryCode self) => new(m.Id, m.ConversationId, m.Sequence, m.Type, m.Version,
        m.Sender.Value, self.Value, m.CreatedAt.ToUnixTimeMilliseconds(), m.ExpiresAt.ToUnixTimeMilliseconds(), m.CaseReference, m.Payload, m.KeyId,
        m.Signature, ToWire(HandlingOf(m.Handling, m.HandlingConditions)), MessagePriorities.WireName(m.Priority));

    public static MessageEnvelope ToEnvelope(OutboxMessage m, CountryCode self) => new(m.Id, m.ConversationId, m.Sequence, m.Type,
        m.Version, self, m.Recipient, m.CreatedAt, m.ExpiresAt, m.CaseReference, m.Payload, HandlingOf(m.Handling, m.HandlingConditions),
        MessagePriorities.WireName(m.Priority));

    public static ReceiptWire ToWire(SignedReceipt signed)
    {
        var r = signed.Receipt;
        return new ReceiptWire(r.MessageId, r.Receiver.Value, r.Sender.IsValid ? r.Sender.Value : "", r.Status.ToString(), r.Reason,
            r.ReceivedAt.ToUnixTimeMilliseconds(), r.EnvelopeHash, signed.KeyId, signed.Signature);
    }

    public static SignedReceipt? ToSigned(ReceiptWire wire)
    {
        if (!CountryCode.TryParse(wire.Receiver, out var receiver) || !Enum.TryParse<ReceiptStatus>(wire.Status, out var status))
        {
            return null;
        }

        var sender = CountryCode.ParseOrDefault(wire.Sender);
        var receipt = new Receipt(wire.MessageId, receiver, sender, status, wire.Reason, FromMs(wire.ReceivedAt), wire.EnvelopeHash ?? "");
        return new SignedReceipt(receipt, wire.KeyId ?? "", wire.Signature ?? "");
    }

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(Math.Clamp(ms, 0, 253_402_300_799_000));

    /// <summary>Times are signed with millisecond precision; anything finer is dropped before signing.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => FromMs(time.ToUnixTimeMilliseconds());
}
