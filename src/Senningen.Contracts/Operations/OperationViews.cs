namespace Senningen.Contracts.Operations;

/// <summary>
/// An operation as its home node sees it. <c>Status</c>: <c>active</c> or <c>ended</c>. <c>RefusedFixes</c>: the fixes the
/// node did not keep, counted by reason.
/// </summary>
public sealed record OperationView(
    Guid Id,
    string Type,
    string Status,
    string HomeCountry,
    string HomeZone,
    string? CaseReference,
    IReadOnlyList<OperationUnitView> Units,
    IReadOnlyList<string> Vehicles,
    string? Suspect,
    string? Reason,
    string? AuthorisationReference,
    DateTimeOffset? AuthorisationDeadline,
    DateTimeOffset StartedAt,
    string StartedBy,
    DateTimeOffset? EndedAt,
    string? Outcome,
    IReadOnlyList<CrossingView> Crossings,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<RefusedFixesView> RefusedFixes);

/// <summary>
/// Fixes refused for one <c>Reason</c> (<c>missing</c>, <c>unit</c>, <c>position</c>, <c>future</c>, <c>before-start</c>,
/// <c>speed</c>, <c>heading</c>, <c>accuracy</c>), <c>Text</c> in the reader's language, and when the last was refused.
/// </summary>
public sealed record RefusedFixesView(string Reason, string Text, int Count, DateTimeOffset LastAt);

/// <summary>A unit and where it is now: <c>Country</c> and <c>Zone</c> as last confirmed (with hysteresis).</summary>
public sealed record OperationUnitView(string CallSign, string? Vehicle, int? Officers, string? Country, string? Zone, PositionView? LastPosition);

/// <summary>A position as stored.</summary>
public sealed record PositionView(double Lat, double Lon, DateTimeOffset Time, double? Speed, double? Heading, double? Accuracy);

/// <summary>
/// A confirmed change of country or of control-room zone by one unit. <c>From</c>/<c>To</c> are countries,
/// <c>FromZone</c>/<c>ToZone</c> zones; <c>At</c> is the time of the first fix in the new area.
/// </summary>
public sealed record CrossingView(string Unit, string From, string To, string? FromZone, string? ToZone, DateTimeOffset At, double Lat, double Lon);

/// <summary>One line of an operation's timeline. <c>Kind</c>: started, crossing, notified, acknowledged, escalated, returned, ended, report.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Text);

/// <summary>A page of operations, newest first.</summary>
public sealed record OperationList(IReadOnlyList<OperationView> Operations);
