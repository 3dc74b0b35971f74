using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;

namespace Senningen.Node.Features.Anpr.Cameras;

/// <summary><c>POST /api/v1/anpr/cameras</c>: registers a police camera, or a partner's under its partnership agreement.</summary>
internal static class RegisterCamera
{
    public static async Task<Results<Created<CameraView>, ProblemHttpResult>> HandleAsync(RegisterCameraRequest? request,
        SenningenDbContext db, AuditLog audit, NodeSettings settings, Texts texts, TimeProvider clock, CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        if (request is null)
        {
            v.Add("body", Rules.Required, "rule.body-required");
            return v.Problem();
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
        var country = request.Country is null ? settings.Country : v.Country("country", request.Country, partyOnly: true);
        if (v.HasErrors)
        {
            return v.Problem();
        }

        var id = request.Id!.Trim();
        if (await db.AnprCameras.AnyAsync(c => c.Id == id, ct))
        {
            return Problems.Validation(texts, new FieldError("id", Rules.Unique, texts["rule.unique", "id"]));
        }

        var camera = new Camera
        {
            Id = id, Owner = request.Owner!.Trim(), Name = request.Name!.Trim(), Lat = request.Lat!.Value, Lon = request.Lon!.Value,
            Direction = request.Direction?.Trim(), Source = source == "partner" ? CameraSource.Partner : CameraSource.Police,
            AgreementReference = source == "partner" ? request.AgreementReference!.Trim() : null, Country = country.Value,
            CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        db.AnprCameras.Add(camera);
        audit.Add(new AuditRecord(AuditActions.AnprCameraRegistered, AuditOutcomes.Success, [$"camera:{camera.Id}"],
            Detail: $"{source} camera {camera.Name} of {camera.Owner}{(camera.AgreementReference is { } a ? $" under {a}" : "")}"));
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/anpr/cameras/{camera.Id}", ToView(camera));
    }

    public static async Task<Ok<List<CameraView>>> ListAsync(SenningenDbContext db, CancellationToken ct)
    {
        var cameras = await db.AnprCameras.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        return TypedResults.Ok(cameras.Select(ToView).ToList());
    }

    public static CameraView ToView(Camera c) =>
        new(c.Id, c.Owner, c.Name, c.Lat, c.Lon, c.Direction, AnprNames.Of(c.Source), c.AgreementReference, c.Country);

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
