using Senningen.Core.Countries;

namespace Senningen.Node.Common.Exchange.Data;

public enum OutboxStatus
{
    Queued = 0,
    Receipted = 1,
    Rejected = 2,
    Expired = 3,

    /// <summary>The partner answered its delivery with an error <c>ParkAfterAttempts</c> times: held until an operator acts.</summary>
    Parked = 4,

    /// <summary>An operator gave it up: it is never sent, and the conversation goes on without it.</summary>
    Dropped = 5,
}

/// <summary>
/// A signed envelope waiting for (or done with) delivery. It is written in the same transaction as the business
/// change that caused it, so a change is never committed without its message, nor a message without its change.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public Guid ConversationId { get; set; }

    public long Sequence { get; set; }

    public string Type { get; set; } = "";

    public int Version { get; set; }

    public CountryCode Recipient { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? CaseReference { get; set; }

    public string Payload { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";

    /// <summary>The owner's handling and evaluation codes as signed (<c>H2/B/2</c>); null on a message that carries no information.</summary>
    public string? Handling { get; set; }

    /// <summary>An H3 marking's restrictions in the owner's words.</summary>
    public string? HandlingConditions { get; set; }

    /// <summary>Urgent messages are claimed before routine ones (never ahead of their own conversation).</summary>
    public Core.Exchange.MessagePriority Priority { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>
    /// Attempts the partner answered with an error about this very message (not an outage, which only waits): the count
    /// that parks it, and, once above zero, sends it in a request of its own so it cannot fail others with it.
    /// </summary>
    public int Refusals { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? LastAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The partner's signed receipt, as received (JSON of <c>ReceiptWire</c>).</summary>
    public string? Receipt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>Set when an operator has seen the alert for an expired or rejected message.</summary>
    public bool AlertAcknowledged { get; set; }

    /// <summary>Lease of the instance delivering it, so that instances sharing PostgreSQL do not send it twice at once.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
