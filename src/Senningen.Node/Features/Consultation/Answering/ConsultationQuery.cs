using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;

namespace Senningen.Node.Features.Consultation.Answering;

/// <summary>
/// A partner's search as the answering node receives it (ADR 0013): the context it claims, the data set, the criteria,
/// and the purpose, case and officer behind it, which the disclosure's audit entry keeps.
/// </summary>
internal sealed record ConsultationQuery(
    Guid Id,
    ConsultationContext Context,
    CountryCode Requesting,
    DataSet DataSet,
    PersonParticulars? Person,
    string? Plate,
    string? DocumentNumber,
    string Purpose,
    string CaseReference,
    string RequestedBy,
    string? Vin = null);

/// <summary>One thing found, as much of it as the level allows: field name to value, and for persons why it matched.</summary>
internal sealed record DisclosedItem(string Reference, double? Score, IReadOnlyDictionary<string, string> Fields, IReadOnlyList<string> Explanation);

/// <summary>
/// The answer: the level the treaty allows for this pair and context, the rule that decided it, whether anything was
/// found, and the items (none at hit/no-hit). <c>TooBroad</c>: the criteria select too many persons to answer at all.
/// </summary>
internal sealed record ConsultationAnswer(
    Guid QueryId,
    DisclosureLevel Level,
    string? Rule,
    string? Refusal,
    bool Hit,
    bool TooBroad,
    IReadOnlyList<DisclosedItem> Items)
{
    /// <summary>How many were found, set only when the criteria were too wide for the level allowed (hit counts only).</summary>
    public int? Count { get; init; }

    /// <summary>When limited to counts, the identifiers (wire names) that would raise the answer to the level allowed.</summary>
    public IReadOnlyList<string> ToAdd { get; init; } = [];
}
