using Senningen.Contracts.Consultation;
using Senningen.Core.Anpr;
using Senningen.Core.Consultation;
using Senningen.Core.Consultation.Names;
using Senningen.Core.Countries;
using Senningen.Core.Treaty;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Observability;
using Senningen.Node.Features.Consultation.Messages;

namespace Senningen.Node.Features.Consultation.Searching;

/// <summary>A search that passed validation, ready to go to the partners.</summary>
internal sealed record CheckedSearch(ConsultationContext Context, DataSet DataSet, PersonCriteria? Person, string? Plate, string? DocumentNumber,
    string Purpose, string CaseReference, IReadOnlyList<CountryCode>? Partners, string? Vin = null)
{
    /// <summary>What the audit entries keep of the criteria (the DPO must see what was asked).</summary>
    public string Criteria => Person is { } p
        ? $"person: surname '{p.Surname}', given names '{p.GivenNames}', born '{p.BirthDate}', postcode '{p.Postcode}'"
        : Plate is not null ? $"plate {Plate}" : Vin is not null ? $"vin {Vin}" : $"document {DocumentNumber}";
}

/// <summary>The rules a consultation request must follow before anything leaves the node: every broken one is named.</summary>
internal static class SearchRules
{
    public const string NotSelective = "not-selective";
    public const string ContextDataSet = "context-data-set";
    public const string PlateOrVin = "plate-or-vin";
    public const int MaxVin = 25;
    public const int MaxPurpose = 200;
    public const int MaxCaseReference = 100;
    public const int MaxDocumentNumber = 30;
    public const int MaxName = 100;
    public const int MaxPostcode = 10;

    /// <summary>The rules below that the OpenAPI document can state, from the same constants and names.</summary>
    public static readonly SchemaLimit[] Limits =
    [
        SchemaLimit.Names<ConsultationSearchRequest>("context", ConsultationContexts.Names.Keys),
        SchemaLimit.Names<ConsultationSearchRequest>("dataSet", Disclosure.DataSetNames.Keys),
        SchemaLimit.Length<ConsultationSearchRequest>("purpose", MaxPurpose),
        SchemaLimit.Length<ConsultationSearchRequest>("caseReference", MaxCaseReference),
        SchemaLimit.Length<ConsultationSearchRequest>("documentNumber", MaxDocumentNumber),
        SchemaLimit.Length<ConsultationSearchRequest>("vin", MaxVin),
        SchemaLimit.Length<PersonCriteriaInput>("surname", MaxName),
        SchemaLimit.Length<PersonCriteriaInput>("givenNames", MaxName),
        SchemaLimit.Length<PersonCriteriaInput>("postcode", MaxPostcode),
    ];
    public const string Partner = "partner";
    public const string NationalAuthorisation = "national-authorisation";

    public static CheckedSearch? Check(ConsultationSearchRequest? request, IReadOnlyCollection<CountryCode> partners, RequestValidator v)
    {
        if (request is null)
        {
            v.Add("body", Rules.Required, "rule.body-required");
            return null;
        }

        var context = RequestText.Blank(request.Context);
        if (v.Required("context", context))
        {
            v.OneOf("context", context, [.. ConsultationContexts.Names.Keys]);
        }

        var dataSet = RequestText.Blank(request.DataSet);
        if (v.Required("dataSet", dataSet))
        {
            v.OneOf("dataSet", dataSet, [.. Disclosure.DataSetNames.Keys]);
        }

        var purpose = RequestText.Blank(request.Purpose);
        v.Required("purpose", purpose);
        v.MaxLength("purpose", purpose, MaxPurpose);
        var caseReference = RequestText.Blank(request.CaseReference);
        v.Required("caseReference", caseReference);
        v.MaxLength("caseReference", caseReference, MaxCaseReference);
        var asked = Partners(request.Partners, partners, v);
        var set = dataSet is not null && Disclosure.DataSetNames.TryGetValue(dataSet, out var s) ? s : (DataSet?)null;
        var person = set is DataSet.Persons or DataSet.Records ? Person(request.Person, v) : null;
        var contextValue = context is not null && ConsultationContexts.Names.TryGetValue(context, out var c) ? c : (ConsultationContext?)null;
        if (contextValue is { } known && set is { } chosen && !ConsultationContexts.Searches(known, chosen))
        {
            v.Add("dataSet", ContextDataSet, "consultation.rule.context-data-set");
        }

        var (plate, vin) = set == DataSet.Vehicles ? VehicleOf(request, v) : (null, null);
        var document = RequestText.Blank(request.DocumentNumber);
        if (set == DataSet.Documents && v.Required("documentNumber", document))
        {
            v.MaxLength("documentNumber", document, MaxDocumentNumber);
        }

        return v.HasErrors ? null
            : new CheckedSearch(ConsultationContexts.Names[context!], set!.Value, person, plate, document, purpose!, caseReference!, asked, vin);
    }

    private static PersonCriteria? Person(PersonCriteriaInput? input, RequestValidator v)
    {
        if (input is null)
        {
            v.Add("person", Rules.Required, "rule.required");
            return null;
        }

        var surname = RequestText.Blank(input.Surname);
        var given = RequestText.Blank(input.GivenNames);
        var born = RequestText.Blank(input.BirthDate);
        var postcode = RequestText.Blank(input.Postcode);
        v.MaxLength("person.surname", surname, MaxName);
        v.MaxLength("person.givenNames", given, MaxName);
        v.MaxLength("person.postcode", postcode, MaxPostcode);
        var date = default(BirthDate);
        if (born is not null && !IsoDateOrYear(born, out date))
        {
            v.Add("person.birthDate", Rules.Format, "consultation.rule.birth-date");
        }

        // A surname, or a given name with a full date of birth: anything less would list a whole town.
        if (surname is null && !(given is not null && date.IsKnown && !date.IsYearOnly))
        {
            v.Add("person", NotSelective, "consultation.rule.not-selective");
        }

        return new PersonCriteria(surname, given, born, postcode);
    }

    // yyyy or a real calendar day as yyyy-MM-dd: the matcher tolerates wrong digits in registers, not in the request.
    private static bool IsoDateOrYear(string text, out BirthDate date)
    {
        date = default;
        if (text.Length == 4)
        {
            return BirthDate.TryParse(text, out date);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None,
            out var day))
        {
            return false;
        }

        date = BirthDate.From(day.Year, day.Month, day.Day);
        return true;
    }

    // A vehicle is sought by its plate or by its VIN, one of the two: both at once would be two searches in one audit entry.
    private static (string? Plate, string? Vin) VehicleOf(ConsultationSearchRequest request, RequestValidator v)
    {
        var vin = RequestText.Blank(request.Vin);
        if (vin is null)
        {
            return (PlateOf(request.Plate, v), null);
        }

        if (RequestText.Blank(request.Plate) is not null)
        {
            v.Add("vin", PlateOrVin, "consultation.rule.plate-or-vin");
            return (null, null);
        }

        if (vin.Length > MaxVin)
        {
            v.MaxLength("vin", vin, MaxVin);
            return (null, null);
        }

        if (Core.Consultation.Registry.Vin.Normalise(vin) is not { } normalised)
        {
            v.Add("vin", Rules.Format, "consultation.rule.vin");
            return (null, null);
        }

        return (null, normalised);
    }

    private static string? PlateOf(string? text, RequestValidator v)
    {
        var plate = RequestText.Blank(text);
        if (!v.Required("plate", plate))
        {
            return null;
        }

        if (!Plate.TryParse(plate, out var parsed))
        {
            v.Add("plate", Rules.Format, "rule.plate");
            return null;
        }

        return parsed.Text;
    }

    private static List<CountryCode>? Partners(IReadOnlyList<string>? names, IReadOnlyCollection<CountryCode> partners, RequestValidator v)
    {
        if (names is null || names.Count == 0)
        {
            return null;
        }

        var asked = new List<CountryCode>();
        foreach (var name in names)
        {
            if (CountryCode.TryParseParty(name, out var country) && partners.Contains(country))
            {
                asked.Add(country);
            }
            else
            {
                v.Add("partners", Partner, "consultation.rule.partner", name);
            }
        }

        return asked;
    }
}
