namespace Senningen.Node.Common.Exchange;

internal enum DeliveryKind
{
    Receipted,
    Rejected,
    Failed,

    /// <summary>Not attempted: the partner's circuit is open. Tried again when it may have recovered, without counting an attempt.</summary>
    Deferred,
}

/// <summary>What one delivery attempt came to: a verified receipt (accepted or rejected), or a failure to retry.</summary>
internal sealed record DeliveryResult(Guid MessageId, DeliveryKind Kind, string? Receipt, string? Error);
