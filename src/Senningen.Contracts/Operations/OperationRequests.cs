namespace Senningen.Contracts.Operations;

/// <summary>
/// Body of <c>POST /api/v1/operations</c>. <c>Type</c> is a treaty mission id: <c>hot-pursuit</c>, <c>observation-planned</c>,
/// <c>observation-urgent</c>, <c>armed-escort</c>, <c>transport-aliens-law</c> or <c>transport-judicial</c>.
/// <c>HomeZone</c> is the control-room zone that runs the operation (e.g. <c>BE-VAN</c>); it defaults to the officer's own.
/// A planned observation needs <c>AuthorisationReference</c>; an urgent one may carry <c>AuthorisationDeadline</c>
/// (otherwise the catalogue's deadline applies from the first crossing).
/// </summary>
public sealed record StartOperationRequest(
    string? Type,
    IReadOnlyList<OperationUnitInput>? Units,
    IReadOnlyList<string>? Vehicles,
    string? Suspect,
    string? Reason,
    string? HomeZone,
    string? CaseReference,
    string? AuthorisationReference,
    DateTimeOffset? AuthorisationDeadline);

/// <summary>A unit taking part: its call sign (unique within the operation), vehicle and crew size.</summary>
public sealed record OperationUnitInput(string? CallSign, string? Vehicle, int? Officers);

/// <summary>
/// Body of <c>POST /api/v1/operations/{id}/positions</c>: up to 500 fixes, in any order.
/// <c>Speed</c> in km/h, <c>Heading</c> in degrees from north, <c>Accuracy</c> in metres.
/// </summary>
public sealed record PositionBatch(IReadOnlyList<PositionFixInput?>? Fixes);

/// <summary>One GPS fix of one unit.</summary>
public sealed record PositionFixInput(string? Unit, double? Lat, double? Lon, DateTimeOffset? Time, double? Speed, double? Heading, double? Accuracy);

/// <summary>
/// The answer to a position batch: valid fixes are kept even when others are rejected.
/// <c>Duplicates</c> counts fixes already known (same unit and time); <c>Crossings</c> are the border crossings the batch confirmed.
/// </summary>
public sealed record PositionBatchResult(int Accepted, int Duplicates, IReadOnlyList<RejectedFix> Rejected, IReadOnlyList<CrossingView> Crossings);

/// <summary>A fix that was not kept, with the problem: <c>Field</c> and the rule it broke.</summary>
public sealed record RejectedFix(int Index, string Field, string Problem);

/// <summary>
/// Body of <c>POST /api/v1/operations/{id}/end</c>. <c>Outcome</c>: <c>apprehended</c>, <c>lost</c>,
/// <c>taken-over-by-host</c>, <c>aborted-at-host-request</c> (or <c>completed</c> for escorts and planned observations).
/// </summary>
public sealed record EndOperationRequest(string? Outcome, string? Note);

/// <summary>Body of <c>POST /api/v1/alerts/{id}/acknowledge</c>, by the partner's control-room operator.</summary>
public sealed record AcknowledgeAlertRequest(string? Note);
