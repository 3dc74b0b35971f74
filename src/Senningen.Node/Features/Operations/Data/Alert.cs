namespace Senningen.Node.Features.Operations.Data;

public enum AlertStatus
{
    Open = 0,
    Acknowledged = 1,
    Escalated = 2,
    Closed = 3,
}

/// <summary>
/// The partner side: a foreign operation on this country's territory, on the screen of the control room of the zone
/// it entered. Holds a description of a suspect, so reading it is audited.
/// </summary>
public sealed class Alert
{
    public Guid Id { get; set; }

    public Guid OperationId { get; set; }

    public string FromCountry { get; set; } = "";

    public Guid ConversationId { get; set; }

    public string OperationType { get; set; } = "";

    public string Zone { get; set; } = "";

    public string HomeZone { get; set; } = "";

    public string Units { get; set; } = "";

    public string Vehicles { get; set; } = "";

    public string? Suspect { get; set; }

    public string? Reason { get; set; }

    public string? CaseReference { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    public double? Heading { get; set; }

    public double? Speed { get; set; }

    public long CrossedAtMs { get; set; }

    public long ReceivedAtMs { get; set; }

    public long? AuthorisationDeadlineMs { get; set; }

    public AlertStatus Status { get; set; }

    /// <summary>True once escalated, even if acknowledged later: the national desk was involved.</summary>
    public bool Escalated { get; set; }

    public long? AcknowledgedAtMs { get; set; }

    public string? AcknowledgedBy { get; set; }

    public long? EscalatedAtMs { get; set; }

    public long? ClosedAtMs { get; set; }

    /// <summary>The home node's outcome and report when it ended the operation (JSON), kept with the alert.</summary>
    public string? Report { get; set; }

    public long Version { get; set; }
}
