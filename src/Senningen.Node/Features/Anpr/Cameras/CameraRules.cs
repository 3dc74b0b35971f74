using Senningen.Contracts.Anpr;
using Senningen.Core.Countries;
using Senningen.Node.Common.Errors;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Cameras;

/// <summary>What a registration that follows every rule says beyond its text: the camera's source and country.</summary>
internal readonly record struct CheckedCamera(CameraSource Source, CountryCode Country);

/// <summary>The rules a camera registration must follow: every broken one is named.</summary>
internal static class CameraRules
{
    /// <returns>The source and country (the node's when none is given), or null when a rule is broken.</returns>
    public static CheckedCamera? Check(RegisterCameraRequest? request, CountryCode nodeCountry, RequestValidator v)
    {
        if (request is null)
        {
            v.Add("body", Rules.Required, "rule.body-required");
            return null;
        }

        if (v.Required("id", request.Id) && !IsIdentifier(request.Id!))
        {
            v.Add("id", Rules.Format, "rule.camera-id");
        }

        v.MaxLength("id", request.Id, 64);
        v.Required("owner", request.Owner);
        v.MaxLength("owner", request.Owner, 200);
        v.Required("name", request.Name);
        v.MaxLength("name", request.Name, 200);
        v.MaxLength("direction", request.Direction, 100);
        Degrees(v, "lat", request.Lat, 90);
        Degrees(v, "lon", request.Lon, 180);
        var source = request.SourceType?.Trim().ToLowerInvariant();
        if (v.Required("sourceType", source))
        {
            v.OneOf("sourceType", source, AnprNames.Sources);
        }

        if (source == "partner")
        {
            v.Required("agreementReference", request.AgreementReference);
        }

        v.MaxLength("agreementReference", request.AgreementReference, 200);
        var country = request.Country is null ? nodeCountry : v.Country("country", request.Country, partyOnly: true);
        return v.HasErrors ? null : new CheckedCamera(source == "partner" ? CameraSource.Partner : CameraSource.Police, country);
    }

    private static void Degrees(RequestValidator v, string field, double? value, double max)
    {
        if (value is null)
        {
            v.Add(field, Rules.Required, "rule.required");
        }
        else if (!double.IsFinite(value.Value) || Math.Abs(value.Value) > max)
        {
            v.Add(field, Rules.Range, "rule.number-range", -max, max);
        }
    }

    private static bool IsIdentifier(string id) =>
        id.Trim().Length > 0 && id.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
