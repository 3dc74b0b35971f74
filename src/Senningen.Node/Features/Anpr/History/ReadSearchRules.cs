using Senningen.Contracts.Anpr;
using Senningen.Core.Anpr;
using Senningen.Node.Common.Errors;
using Senningen.Node.Features.Anpr.Retention;

namespace Senningen.Node.Features.Anpr.History;

/// <summary>A history search that passed validation: by canonical key or by camera, over a period, for a purpose and a case.</summary>
internal sealed record CheckedSearch(string? Key, string? CameraId, DateTimeOffset From, DateTimeOffset To, string Purpose, string CaseReference,
    string? ProsecutorReference)
{
    public bool Judicial => Purpose == ReadSearchRules.Judicial;

    /// <summary>What the audit entry keeps of the search (the DPO must be able to see what was asked).</summary>
    public string Criteria =>
        $"{(Key is not null ? $"plate key {Key}" : $"camera {CameraId}")}, {From:O} to {To:O}, prosecutor reference: {ProsecutorReference ?? "none"}";
}

/// <summary>The rules a history search request must follow before the law is even asked: every broken one is named.</summary>
internal static class ReadSearchRules
{
    public const string Administrative = "administrative";
    public const string Judicial = "judicial";
    public const string ExactlyOne = "exactly-one";
    public const string MaxPeriod = "max-period";
    public const string ProsecutorReferenceField = "prosecutorReference";

    public static readonly IReadOnlyList<string> Purposes = [Administrative, Judicial];

    public static CheckedSearch? Check(ReadSearchRequest? request, AnprLegalRules rules, RequestValidator v)
    {
        if (request is null)
        {
            v.Add("body", Rules.Required, "rule.body-required");
            return null;
        }

        var plate = RequestText.Blank(request.Plate);
        var camera = RequestText.Blank(request.CameraId);
        string? key = null;
        if ((plate is null) == (camera is null))
        {
            v.Add("plate", ExactlyOne, "anpr.rule.plate-or-camera");
        }
        else if (plate is not null)
        {
            key = Plate.TryParse(plate, out var parsed) ? parsed.Key.ToString() : null;
            if (key is null)
            {
                v.Add("plate", Rules.Format, "rule.plate");
            }
        }

        v.MaxLength("cameraId", camera, 64);
        Period(request.From, request.To, rules, v);
        var purpose = RequestText.Blank(request.Purpose);
        if (v.Required("purpose", purpose))
        {
            v.OneOf("purpose", purpose, Purposes);
        }

        var caseReference = RequestText.Blank(request.CaseReference);
        v.Required("caseReference", caseReference);
        v.MaxLength("caseReference", caseReference, 100);
        var prosecutor = RequestText.Blank(request.ProsecutorReference);
        v.MaxLength(ProsecutorReferenceField, prosecutor, 100);
        return v.HasErrors ? null : new CheckedSearch(key, camera, request.From!.Value, request.To!.Value, purpose!, caseReference!, prosecutor);
    }

    private static void Period(DateTimeOffset? from, DateTimeOffset? to, AnprLegalRules rules, RequestValidator v)
    {
        if (from is null)
        {
            v.Add("from", Rules.Required, "rule.required");
        }

        if (to is null)
        {
            v.Add("to", Rules.Required, "rule.required");
        }
        else if (from is { } f && to <= f)
        {
            v.Add("to", Rules.Range, "anpr.rule.period-order");
        }
        else if (from is { } start && to - start > rules.MaxSearchPeriod)
        {
            v.Add("to", MaxPeriod, "anpr.rule.max-period", rules.MaxSearchPeriod.TotalDays.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
