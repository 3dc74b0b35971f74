namespace Senningen.Node.Features.Operations.Messages;

/// <summary>
/// The facts of an after-action report, language-neutral: each reader (home officer, partner control room) renders
/// them in their own language. Timeline lines are kinds with arguments, as stored.
/// </summary>
public sealed record ReportFacts(
    Guid OperationId,
    string Type,
    string HomeCountry,
    string HomeZone,
    string? CaseReference,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Vehicles,
    string? Suspect,
    string? Reason,
    DateTimeOffset StartedAt,
    string StartedBy,
    DateTimeOffset EndedAt,
    string Outcome,
    string? Note,
    IReadOnlyList<ReportCrossing> Crossings,
    IReadOnlyList<ReportNotice> Notices,
    IReadOnlyList<ReportEvent> Timeline,
    int PositionCount,
    IReadOnlyList<ReportFix> Track);

public sealed record ReportCrossing(string Unit, string From, string To, string? FromZone, string? ToZone, DateTimeOffset At, double Lat, double Lon);

public sealed record ReportNotice(string Partner, string Zone, DateTimeOffset SentAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    DateTimeOffset? EscalatedAt);

public sealed record ReportEvent(DateTimeOffset At, string Kind, IReadOnlyList<string> Arguments);

public sealed record ReportFix(string Unit, DateTimeOffset Time, double Lat, double Lon);
