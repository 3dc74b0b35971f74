namespace Senningen.Contracts.Exchange;

/// <summary>
/// A signed envelope as it travels in <c>POST /exchange/v1/inbox</c>. Times are Unix milliseconds, exactly as signed;
/// <c>Payload</c> is the JSON payload as a string.
/// </summary>
public sealed record EnvelopeWire(
    Guid Id,
    Guid Conversation,
    long Sequence,
    string Type,
    int Version,
    string Sender,
    string Recipient,
    long Created,
    long Expires,
    string? Case,
    string Payload,
    string KeyId,
    string Signature);

/// <summary>The receiver's signed receipt: <c>Status</c> is <c>Accepted</c> or <c>Rejected</c> (then <c>Reason</c> says why).</summary>
public sealed record ReceiptWire(
    Guid MessageId,
    string Receiver,
    string Sender,
    string Status,
    string? Reason,
    long ReceivedAt,
    string EnvelopeHash,
    string KeyId,
    string Signature);
