using Senningen.Core.Countries;

namespace Senningen.Node.Common.Exchange.Data;

public enum InboxStatus
{
    Accepted = 0,
    Handled = 1,

    /// <summary>Its handler failed <c>ParkAfterAttempts</c> times: no more tries until an operator retries or drops it.</summary>
    Parked = 2,

    /// <summary>An operator gave it up; its sender was sent a signed rejection, and the conversation goes on without it.</summary>
    Dropped = 3,
}

/// <summary>
/// A received envelope, kept with its signature and our signed receipt: with them either side can prove later
/// who said what and when. The id is the envelope's id, so a second delivery finds the first.
/// </summary>
public sealed class InboxMessage
{
    public Guid Id { get; set; }

    public CountryCode Sender { get; set; }

    public Guid ConversationId { get; set; }

    public long Sequence { get; set; }

    public string Type { get; set; } = "";

    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public string? CaseReference { get; set; }

    public string Payload { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";

    public string EnvelopeHash { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Our signed receipt (JSON of <c>ReceiptWire</c>), returned again on a duplicate delivery.</summary>
    public string Receipt { get; set; } = "";

    /// <summary>The owner's handling and evaluation codes as signed (<c>H2/B/2</c>); null on a message that carries no information.</summary>
    public string? Handling { get; set; }

    /// <summary>An H3 marking's restrictions in the owner's words.</summary>
    public string? HandlingConditions { get; set; }

    /// <summary>Urgent messages are claimed before routine ones (never ahead of their own conversation).</summary>
    public Core.Exchange.MessagePriority Priority { get; set; }

    public InboxStatus Status { get; set; }

    public int HandleAttempts { get; set; }

    public DateTimeOffset NextHandleAt { get; set; }

    public DateTimeOffset? HandledAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>Lease of the instance handling it, so that instances sharing PostgreSQL never handle it twice at once.</summary>
    public string? ClaimedBy { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }
}
