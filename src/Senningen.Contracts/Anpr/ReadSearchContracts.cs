namespace Senningen.Contracts.Anpr;

/// <summary>
/// Body of <c>POST /api/v1/anpr/reads/search</c>: exactly one of <c>Plate</c> (searched by canonical key, so OCR confusions
/// are found) and <c>CameraId</c>; the period <c>From</c> (inclusive) to <c>To</c> (exclusive); <c>Purpose</c>
/// <c>administrative</c> or <c>judicial</c>; the <c>CaseReference</c> the search is for; and, where the node's law asks for
/// it, the <c>ProsecutorReference</c> (NL: the public prosecutor's order; BE: the prosecutor's written, reasoned decision).
/// </summary>
public sealed record ReadSearchRequest(
    string? Plate,
    string? CameraId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Purpose,
    string? CaseReference,
    string? ProsecutorReference);

/// <summary>The reads found, newest first; <c>Truncated</c> when there were more than the node discloses in one answer.</summary>
public sealed record ReadSearchResult(IReadOnlyList<StoredReadView> Reads, bool Truncated);

public sealed record StoredReadView(
    long Id,
    string Plate,
    string? Country,
    string CameraId,
    string? CameraName,
    DateTimeOffset ObservedAt,
    double? Lat,
    double? Lon,
    double Confidence,
    IReadOnlyList<PlateCandidateView> Candidates);

public sealed record PlateCandidateView(string Plate, double Confidence);
