namespace Senningen.Contracts.Consultation;

/// <summary>
/// <c>POST /api/v1/consultation/searches</c>. <c>Context</c>: hit-no-hit, joint-post, mixed-patrol, joint-control,
/// formal-request or prum-vehicle (the Prüm vehicle registration search: vehicles only). <c>DataSet</c>: persons,
/// vehicles, documents or records (a person's police records and alerts). Persons and records take <c>Person</c>;
/// vehicles <c>Plate</c> or <c>Vin</c> (one of the two); documents <c>DocumentNumber</c>. <c>Partners</c>:
/// the countries to ask (default: every partner); naming one the context is not allowed for is refused (403).
/// </summary>
public sealed record ConsultationSearchRequest(
    string? Context,
    string? DataSet,
    string? Purpose,
    string? CaseReference,
    PersonCriteriaInput? Person = null,
    string? Plate = null,
    string? DocumentNumber = null,
    IReadOnlyList<string>? Partners = null,
    string? Vin = null);

/// <summary>What is known of the person sought. <c>BirthDate</c>: <c>yyyy-MM-dd</c>, or <c>yyyy</c> when only the year is known.</summary>
public sealed record PersonCriteriaInput(string? Surname, string? GivenNames = null, string? BirthDate = null, string? Postcode = null);

/// <summary>A search and what each partner answered so far; <c>Deadline</c> is when a silent partner counts as not answering.</summary>
public sealed record ConsultationSearchView(
    Guid Id,
    string Context,
    string DataSet,
    string Purpose,
    string CaseReference,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    IReadOnlyList<PartnerAnswerView> Partners);

/// <summary>
/// One partner's answer. <c>State</c>: waiting, answered or no-answer. <c>Level</c>: refused, hit-no-hit, summary or
/// full, as the partner decided; <c>Rule</c> the catalogue rule it applied, <c>Refusal</c> the rule that refused the
/// search's own context when it fell back. <c>TooBroad</c>: the partner refused the criteria as not selective enough.
/// </summary>
public sealed record PartnerAnswerView(
    string Country,
    string State,
    string? Level,
    string? Rule,
    string? Refusal,
    bool? Hit,
    bool TooBroad,
    IReadOnlyList<ConsultationItemView> Items,
    DateTimeOffset? AnsweredAt)
{
    /// <summary>
    /// Set when the partner found the person criteria too wide for the level the treaty allows and answered with counts
    /// only: how many it found. <see cref="ToAdd"/> then names what would let it show them (surname, givenNames, birthDate).
    /// </summary>
    public int? Count { get; init; }

    public IReadOnlyList<string> ToAdd { get; init; } = [];
}

/// <summary>One record disclosed: the partner's reference, the match score and its explanation (persons), and the fields the level allows.</summary>
public sealed record ConsultationItemView(string Reference, double? Score, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Explanation);

/// <summary>
/// One consultation as this node's DPO sees it: a search this node's users sent ("asked"), or a partner's search this node
/// answered ("answered"), from the audit log. <see cref="Id"/> is absent for a search refused before it was sent.
/// </summary>
public sealed record ConsultationLogRow(
    Guid? Id,
    string Direction,
    DateTimeOffset At,
    string Actor,
    string ActorCountry,
    string? Counterpart,
    string Outcome,
    string? Purpose,
    string? CaseReference,
    string? Detail);

/// <summary>Everything this node recorded about one consultation, oldest first: enough to rebuild it from this side.</summary>
public sealed record ConsultationTrail(Guid Id, IReadOnlyList<Audit.AuditEntryView> Entries);
