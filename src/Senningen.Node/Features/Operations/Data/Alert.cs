using Senningen.Core.Countries;
using Senningen.Core.Operations;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>
/// The partner side: a foreign operation on this country's territory, on the screen of the control room of the zone
/// it entered. Holds a description of a suspect, so reading it is audited.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }

    public Guid OperationId { get; set; }

    public CountryCode FromCountry { get; set; }

    public Guid ConversationId { get; set; }

    public string OperationType { get; set; } = "";

    public string Zone { get; set; } = "";

    public string HomeZone { get; set; } = "";

    public string Units { get; set; } = "";

    public string Vehicles { get; set; } = "";

    public string? Suspect { get; set; }

    public string? Reason { get; set; }

    public string? CaseReference { get; set; }

    /// <summary>The unit's last known position, moved on by every forwarded fix.</summary>
    public double Lat { get; set; }

    public double Lon { get; set; }

    /// <summary>Where the unit entered the zone: set by the crossing (and a re-entry), never by later fixes.</summary>
    public double CrossedLat { get; set; }

    public double CrossedLon { get; set; }

    public double? Heading { get; set; }

    public double? Speed { get; set; }

    public DateTimeOffset CrossedAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? AuthorisationDeadline { get; set; }

    /// <summary>Set only by <see cref="Alerts.AlertSteps"/>, as <see cref="AlertWorkflow"/> decides.</summary>
    public AlertStatus Status { get; set; }

    /// <summary>True once escalated, even if acknowledged later: the national desk was involved.</summary>
    public bool Escalated { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The home node's outcome and report when it ended the operation (JSON), kept with the alert.</summary>
    public string? Report { get; set; }

    public long Version { get; set; }

    /// <summary>
    /// Where the alert stands in the stream of received alerts (ADR 0027): given after its commit by the stream-feed
    /// sequencer; null until then, 0 for alerts stored before streams had positions.
    /// </summary>
    public long? FeedPosition { get; set; }

    /// <summary>Where the alert stands in the national desk's stream, given once it is escalated (as <see cref="FeedPosition"/>).</summary>
    public long? EscalationFeedPosition { get; set; }
}
