namespace Senningen.Contracts.Exchange;

/// <summary>The state of the link to one partner (<c>GET /api/v1/exchange/status</c>).</summary>
public sealed record PartnerLinkView(
    string Partner,
    string BaseUrl,
    string KeyId,
    int QueueDepth,
    DateTimeOffset? OldestUndelivered,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    string Circuit);

/// <summary>All partner links, and this node's own key.</summary>
public sealed record ExchangeStatusView(string Country, string KeyId, IReadOnlyList<PartnerLinkView> Partners, int Alerts);

/// <summary>
/// One message in either direction. <c>Status</c>: queued, receipted, rejected, expired, parked, dropped (out); accepted,
/// handled, parked, dropped (in).
/// </summary>
public sealed record ExchangeMessageView(
    Guid Id,
    string Direction,
    string Partner,
    string Type,
    int Version,
    Guid Conversation,
    long Sequence,
    string? CaseReference,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    int Attempts,
    string? LastError,
    DateTimeOffset? CompletedAt);

/// <summary>
/// A message parked after failing again and again (<c>GET /api/v1/exchange/parked</c>), and how many later messages of its
/// conversation wait behind it: they stay in order until an operator retries or drops it.
/// </summary>
public sealed record ParkedMessageView(ExchangeMessageView Message, int WaitingBehind);

/// <summary>Why an operator gives up a parked message (<c>POST /api/v1/exchange/messages/{id}/drop</c>); told to the sender of an incoming one.</summary>
public sealed record DropMessageRequest(string? Reason);

/// <summary>
/// A page of messages, newest first, and how many the filter matches. On the API <paramref name="PageSize"/> is the
/// page's limit and <paramref name="Page"/> its number when reached by the deprecated <c>page</c> (or the first page),
/// 0 when reached by a cursor (a keyset page has no number; follow the next link).
/// </summary>
public sealed record ExchangeMessagePage(IReadOnlyList<ExchangeMessageView> Messages, int Page, int PageSize, long Total);

/// <summary>
/// A message with its signed envelope and receipt: the proof of who said what when. When <see cref="PayloadRedacted"/>, the
/// envelope's payload is a marker instead of personal data the reader has no need to know (the signature covers the original).
/// </summary>
public sealed record ExchangeMessageDetail(ExchangeMessageView Message, EnvelopeWire Envelope, ReceiptWire? Receipt)
{
    public bool PayloadRedacted { get; init; }
}

/// <summary>Body of <c>POST /api/v1/exchange/ping</c>.</summary>
public sealed record PingRequest(string? Partner, string? Note);

/// <summary>A signed round trip: the time from commit to the partner's verified receipt.</summary>
public sealed record PingResult(string Partner, Guid MessageId, string Outcome, double? LatencyMilliseconds, string? Reason);

/// <summary>This node's signing key, to compare out of band with what partners configured.</summary>
public sealed record NodeKeyView(string Country, string KeyId, string PublicKeyPem);
