using Senningen.Core.Countries;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>
/// The home side of a notification to a partner: which zone's control room was told, and what came back.
/// One per (operation, partner, zone); entering another zone of the partner opens a new one.
/// </summary>
public sealed class PartnerNotice
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public CountryCode Partner { get; set; }

    public string Zone { get; set; } = "";

    /// <summary>The exchange conversation for this operation with this partner: keeps crossing, positions and end in order.</summary>
    public Guid ConversationId { get; set; }

    public Guid MessageId { get; set; }

    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }
}
