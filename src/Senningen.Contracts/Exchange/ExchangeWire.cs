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
    string Signature,
    HandlingWire? Handling = null,
    string? Priority = null);

/// <summary>
/// The owner's handling code (<c>H0</c>–<c>H3</c>), source reliability (<c>A</c>, <c>B</c>, <c>C</c>, <c>X</c>) and
/// information accuracy (<c>1</c>–<c>4</c>); <c>Conditions</c> states an H3 restriction in words. Signed with the envelope.
/// </summary>
public sealed record HandlingWire(string Code, string Reliability, string Accuracy, string? Conditions);

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

/// <summary>
/// The owner's codes on a piece of information and what each means in the reader's language: <c>Code</c> H0–H3,
/// <c>Reliability</c> A/B/C/X, <c>Accuracy</c> 1–4, <c>Conditions</c> an H3 restriction in the owner's words.
/// </summary>
public sealed record HandlingView(string Code, string Reliability, string Accuracy, string? Conditions, string CodeMeaning, string ReliabilityMeaning,
    string AccuracyMeaning);

/// <summary>Handling and evaluation codes as a person sets them in an API body (see <see cref="HandlingView"/> for the values).</summary>
public sealed record HandlingInput(string? Code, string? Reliability, string? Accuracy, string? Conditions = null);
