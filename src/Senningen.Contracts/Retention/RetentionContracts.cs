namespace Senningen.Contracts.Retention;

/// <summary>
/// Keeps records past their retention period: every record of <see cref="CaseReference"/>, or the records named in
/// <see cref="RecordIds"/> (one of the two), for <see cref="Reason"/>, until <see cref="Until"/> or until lifted.
/// </summary>
public sealed record PlaceHoldRequest(string? CaseReference, IReadOnlyList<Guid>? RecordIds, string? Reason, DateTimeOffset? Until);

public sealed record HoldView(Guid Id, string? CaseReference, IReadOnlyList<Guid> RecordIds, string Reason, string PlacedBy, DateTimeOffset PlacedAt,
    DateTimeOffset? Until);
