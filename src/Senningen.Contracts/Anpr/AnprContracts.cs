namespace Senningen.Contracts.Anpr;

/// <summary>
/// Body of <c>POST /api/v1/anpr/cameras</c>. <c>SourceType</c> is <c>police</c> or <c>partner</c> (a parking operator, for
/// example); a partner camera needs <c>AgreementReference</c>, the partnership agreement its reads come under.
/// <c>Direction</c> is free text (e.g. <c>N</c>, <c>towards Breda</c>); <c>Country</c> defaults to the node's.
/// </summary>
public sealed record RegisterCameraRequest(
    string? Id,
    string? Owner,
    string? Name,
    double? Lat,
    double? Lon,
    string? Direction,
    string? SourceType,
    string? AgreementReference,
    string? Country);

public sealed record CameraView(
    string Id,
    string Owner,
    string Name,
    double Lat,
    double Lon,
    string? Direction,
    string SourceType,
    string? AgreementReference,
    string Country);

/// <summary>
/// One read of <c>POST /api/v1/anpr/reads</c> (a JSON array, or one per line as <c>application/x-ndjson</c>).
/// <c>Confidence</c> and candidate confidences are in [0, 1]; <c>Candidates</c> are the engine's alternatives, all matched.
/// </summary>
public sealed record PlateReadInput(
    string? CameraId,
    string? Plate,
    IReadOnlyList<PlateCandidateInput?>? Candidates,
    string? Country,
    double? Confidence,
    DateTimeOffset? ObservedAt,
    double? Lat,
    double? Lon);

public sealed record PlateCandidateInput(string? Plate, double? Confidence);

/// <summary>
/// The answer to a batch of reads: valid reads are kept even when others are rejected. <c>Hits</c> lists the hits of
/// police-source reads only: a partner source (a parking operator) never learns that one of its reads hit.
/// </summary>
public sealed record ReadBatchResult(int Accepted, IReadOnlyList<RejectedRead> Rejected, IReadOnlyList<HitView> Hits);

/// <summary>A read that was not kept: its position in the batch, the field and the rule it broke, and the problem in words.</summary>
public sealed record RejectedRead(int Index, string Field, string Rule, string Problem);

/// <summary>
/// A hit on this node's hit board. <c>Category</c> and <c>Action</c> are kebab-case names (<c>stolen-vehicle</c>,
/// <c>stop-and-check</c>); <c>Source</c> is <c>police</c> or <c>partner</c>; <c>SentTo</c> names the partner the hit was
/// sent to (the entry's owner), <c>ReceivedFrom</c> the partner whose camera read the plate.
/// </summary>
public sealed record HitView(
    Guid Id,
    string Plate,
    string? Country,
    double Confidence,
    DateTimeOffset ObservedAt,
    double? Lat,
    double? Lon,
    string CameraId,
    string CameraName,
    string Source,
    string EntryId,
    string EntryPlate,
    string Category,
    string Action,
    string Owner,
    double Score,
    IReadOnlyList<string> Confusions,
    DateTimeOffset ReceivedAt,
    string? SentTo,
    string? ReceivedFrom,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt);

/// <summary>
/// The sightings of one hotlist entry on the hit board (<c>GET /api/v1/anpr/hits/groups</c>): how many, the first and the
/// last (when the camera read the plate), the names of the cameras that read it, and the latest sighting: its hit (pass
/// <c>LatestHitId</c> to acknowledge the group), the plate as read, where, and the exchange it took part in.
/// <c>Unacknowledged</c> counts the group's hits not yet acknowledged; <c>AcknowledgedBy</c>/<c>At</c> are the latest's.
/// </summary>
public sealed record HitGroupView(
    string Owner,
    string EntryId,
    string EntryPlate,
    string Category,
    string Action,
    int Count,
    int Unacknowledged,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<string> Cameras,
    Guid LatestHitId,
    string LatestPlate,
    double LatestScore,
    double? Lat,
    double? Lon,
    string? SentTo,
    string? ReceivedFrom,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt);

/// <summary>One page of the hit board's groups, the more urgent action first, then the latest sighting; <c>Total</c> counts every group.</summary>
public sealed record HitGroupPage(IReadOnlyList<HitGroupView> Groups, int Page, int PageSize, int Total);

/// <summary>
/// One line of a hotlist import (JSON form; CSV has the same columns with a header line:
/// <c>plate,category,action,validFrom,validTo,owner,assessment</c>). <c>Action</c> defaults to the category's usual
/// action, <c>ValidFrom</c> to now, <c>ValidTo</c> to no end, <c>Owner</c> to this node's country. The BE–NL shared
/// reference list (<c>be-nl-shared-reference</c>) needs <c>Assessment</c>: the individual assessment that justified sharing.
/// </summary>
public sealed record HotlistEntryInput(
    string? Plate,
    string? Category,
    string? Action,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidTo,
    string? Owner,
    string? Assessment);

/// <summary>What an import did (or, in a dry run, would do): lines valid, added, updated, and every rejected line.</summary>
public sealed record HotlistImportReport(bool DryRun, int Valid, int Added, int Updated, IReadOnlyList<RejectedLine> Rejected);

/// <summary>A rejected import line: its number (1-based; a CSV header is line 1), the field and rule it broke, the problem in words.</summary>
public sealed record RejectedLine(int Line, string Field, string Rule, string Problem);

public sealed record HotlistEntryView(
    Guid Id,
    string Plate,
    string CanonicalKey,
    string Format,
    string Category,
    string Action,
    DateTimeOffset ValidFrom,
    DateTimeOffset? ValidTo,
    string Owner,
    string? Assessment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record AcknowledgeHitRequest(string? Note);

/// <summary>
/// What <c>POST /api/v1/anpr/hits/{id}/acknowledge-group</c> did: the hits of the entry it acknowledged (the one given and
/// every earlier one not yet acknowledged; a later sighting stays on the board), by whom and when.
/// </summary>
public sealed record HitGroupAcknowledged(string Owner, string EntryId, IReadOnlyList<Guid> HitIds, string AcknowledgedBy, DateTimeOffset AcknowledgedAt);
