namespace Senningen.Node.Common.Exchange.Data;

public enum InboxStatus
{
    Accepted = 0,
    Handled = 1,
    Failed = 2,
}

/// <summary>
/// A received envelope, kept with its signature and our signed receipt: with them either side can prove later
/// who said what and when. The id is the envelope's id, so a second delivery finds the first.
/// </summary>
public sealed class InboxMessage
{
    public Guid Id { get; set; }

    public string Sender { get; set; } = "";

    public Guid ConversationId { get; set; }

    public long Sequence { get; set; }

    public string Type { get; set; } = "";

    public int Version { get; set; }

    public long CreatedAtMs { get; set; }

    public long ExpiresAtMs { get; set; }

    public string? CaseReference { get; set; }

    public string Payload { get; set; } = "";

    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";

    public string EnvelopeHash { get; set; } = "";

    public long ReceivedAtMs { get; set; }

    /// <summary>Our signed receipt (JSON of <c>ReceiptWire</c>), returned again on a duplicate delivery.</summary>
    public string Receipt { get; set; } = "";

    public InboxStatus Status { get; set; }

    public int HandleAttempts { get; set; }

    public long NextHandleAtMs { get; set; }

    public long? HandledAtMs { get; set; }

    public string? LastError { get; set; }

    /// <summary>Lease of the instance handling it, so that instances sharing PostgreSQL never handle it twice at once.</summary>
    public string? ClaimedBy { get; set; }

    public long? ClaimedUntilMs { get; set; }
}
