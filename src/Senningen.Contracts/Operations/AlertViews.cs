namespace Senningen.Contracts.Operations;

/// <summary>
/// A border-crossing alert on the screen of the control room of the zone entered (partner side).
/// <c>Status</c>: <c>open</c>, <c>acknowledged</c>, <c>escalated</c> (nobody acknowledged in time: the national desk has it),
/// <c>closed</c> (the unit left or the operation ended). <c>Lat</c>/<c>Lon</c>/<c>Heading</c>: the unit's last known position;
/// <c>CrossedLat</c>/<c>CrossedLon</c>: where it crossed into <c>Zone</c> at <c>CrossedAt</c>, which later fixes do not move.
/// </summary>
public sealed record AlertView(
    Guid Id,
    Guid OperationId,
    string FromCountry,
    string OperationType,
    string OperationTypeName,
    string Zone,
    string ControlRoom,
    IReadOnlyList<string> Units,
    IReadOnlyList<string> Vehicles,
    string? Suspect,
    string? Reason,
    double Lat,
    double Lon,
    double? Heading,
    string? TalkGroup,
    bool TalkGroupIsPlaceholder,
    IReadOnlyList<string> Rules,
    DateTimeOffset CrossedAt,
    DateTimeOffset ReceivedAt,
    string Status,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? EscalatedAt,
    DateTimeOffset? AuthorisationDeadline,
    IReadOnlyList<PositionView> Track,
    double CrossedLat,
    double CrossedLon);

/// <summary>The after-action report in one language, as kept with the operation and sent to the partners involved.</summary>
public sealed record AfterActionReport(
    Guid OperationId,
    string Language,
    string Title,
    OperationView Operation,
    IReadOnlyList<AlertOutcomeView> Notifications,
    int PositionCount,
    DateTimeOffset GeneratedAt);

/// <summary>What became of one notification to a partner: when it was received, acknowledged or escalated.</summary>
public sealed record AlertOutcomeView(string Partner, string Zone, DateTimeOffset SentAt, DateTimeOffset? ReceivedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? EscalatedAt);
