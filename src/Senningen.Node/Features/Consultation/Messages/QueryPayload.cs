using Senningen.Core.Consultation;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Consultation.Messages;

/// <summary>What is known of the person sought, as the asking officer gave it; <c>BirthDate</c> is yyyy or yyyy-MM-dd.</summary>
public sealed record PersonCriteria(string? Surname, string? GivenNames, string? BirthDate, string? Postcode);

/// <summary>
/// <c>consultation.query</c> v1, asking node → each partner asked: one search, its context and data set, the criteria,
/// and the purpose, case and officer the answering node's audit must name. It lives as long as the search waits.
/// <c>Vin</c> came later as an optional last member: a node that does not know it finds a plate-less vehicle search
/// and answers nothing found, which is why a VIN search also needs the partner's context (prum-vehicle) to be known.
/// </summary>
public sealed record QueryPayload(
    Guid SearchId,
    string Context,
    string DataSet,
    PersonCriteria? Person,
    string? Plate,
    string? DocumentNumber,
    string Purpose,
    string CaseReference,
    string RequestedBy,
    string? Vin = null) : IValidatedPayload
{
    public const string Type = "consultation.query";

    public IEnumerable<string> Problems()
    {
        if (SearchId == Guid.Empty || string.IsNullOrWhiteSpace(Purpose) || string.IsNullOrWhiteSpace(CaseReference) || string.IsNullOrWhiteSpace(RequestedBy))
        {
            yield return "searchId, purpose, caseReference and requestedBy are required";
        }

        if (!ConsultationContexts.Names.ContainsKey(Context ?? "") || !Disclosure.DataSetNames.ContainsKey(DataSet ?? ""))
        {
            yield return "context or dataSet is unknown";
        }
    }
}
