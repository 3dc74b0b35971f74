using Senningen.Core.Countries;

namespace Senningen.Node.Features.Audit.Witness.Data;

/// <summary>A partner's tree head this node accepted as its witness, exactly as the partner signed it.</summary>
public sealed class WitnessedHeadRow
{
    public long Id { get; set; }

    public CountryCode Country { get; set; }

    public long Size { get; set; }

    public string RootHash { get; set; } = "";

    public DateTimeOffset Timestamp { get; set; }

    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The message that brought it: a head is taken once, whatever the redeliveries.</summary>
    public Guid MessageId { get; set; }
}

/// <summary>
/// A partner's signed verdict on one of this node's tree heads, with the head as this node signed it, so that both
/// signatures can be checked again later (by <c>senn audit verify</c>).
/// </summary>
public sealed class HeadConfirmationRow
{
    public long Id { get; set; }

    public CountryCode Witness { get; set; }

    public long Size { get; set; }

    public string RootHash { get; set; } = "";

    public DateTimeOffset HeadTimestamp { get; set; }

    public string HeadKeyId { get; set; } = "";

    public string HeadSignature { get; set; } = "";

    /// <summary><c>consistent</c> or <c>refused</c> (<see cref="Core.Audit.Witness.WitnessStatement"/>).</summary>
    public string Verdict { get; set; } = "";

    public string? Rule { get; set; }

    public DateTimeOffset StatedAt { get; set; }

    public string KeyId { get; set; } = "";

    public string Signature { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The conversation of the head it answers: the publisher waits for it before sending that partner another.</summary>
    public Guid ConversationId { get; set; }

    public Guid MessageId { get; set; }
}

/// <summary>Something the DPO must see: a partner's head refused here, or this node's head refused by a partner.</summary>
public sealed class WitnessAlarmRow
{
    public long Id { get; set; }

    public CountryCode Partner { get; set; }

    public string Rule { get; set; } = "";

    public string Detail { get; set; } = "";

    public DateTimeOffset RaisedAt { get; set; }

    public Guid MessageId { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }
}
