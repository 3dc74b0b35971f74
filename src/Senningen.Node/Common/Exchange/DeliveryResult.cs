namespace Senningen.Node.Common.Exchange;

internal enum DeliveryKind
{
    Receipted,
    Rejected,
    Failed,

    /// <summary>The partner answered, with an error about the request itself (4xx, 500): counted towards parking the message.</summary>
    Refused,

    /// <summary>Not attempted: the partner's circuit is open. Tried again when it may have recovered, without counting an attempt.</summary>
    Deferred,
}

/// <summary>What one delivery attempt came to: a verified receipt (accepted or rejected), or a failure to retry.</summary>
internal sealed record DeliveryResult(Guid MessageId, DeliveryKind Kind, string? Receipt, string? Error);
