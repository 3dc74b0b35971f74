using Microsoft.EntityFrameworkCore;
using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Anpr.Data;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Anpr.Cameras;

/// <summary>What registering gave: the camera, or every broken rule (400).</summary>
internal sealed record CameraOutcome(CameraView? Camera, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The cameras that send reads to this node: a police camera, or a partner's (a parking operator) under its
/// partnership agreement, whose reads are kept only when they hit. Registering is audited as the current officer.
/// </summary>
internal sealed class CameraRegistry(SenningenDbContext db, AuditLog audit, CurrentOfficer officer, NodeSettings settings, Texts texts,
    TimeProvider clock)
{
    public async Task<CameraOutcome> RegisterAsync(RegisterCameraRequest? request, CancellationToken ct)
    {
        var v = new RequestValidator(texts);
        if (CameraRules.Check(request, settings.Country, v) is not { } valid)
        {
            return new CameraOutcome(null, v.Errors);
        }

        var id = request!.Id!.Trim();
        if (await db.AnprCameras.AnyAsync(c => c.Id == id, ct))
        {
            return new CameraOutcome(null, [new FieldError("id", Rules.Unique, texts["rule.unique", "id"])]);
        }

        var partner = valid.Source == CameraSource.Partner;
        var camera = new Camera
        {
            Id = id, Owner = request.Owner!.Trim(), Name = request.Name!.Trim(), Lat = request.Lat!.Value, Lon = request.Lon!.Value,
            Direction = request.Direction?.Trim(), Source = valid.Source,
            AgreementReference = partner ? request.AgreementReference!.Trim() : null, Country = valid.Country, CreatedAt = clock.GetUtcNow(),
        };
        db.AnprCameras.Add(camera);
        audit.Add(new AuditRecord(AuditActions.AnprCameraRegistered, AuditOutcomes.Success, [$"camera:{camera.Id}"],
            Detail: $"{AnprNames.Of(camera.Source)} camera {camera.Name} of {camera.Owner}{(camera.AgreementReference is { } a ? $" under {a}" : "")}"),
            officer.Actor);
        await db.SaveChangesAsync(ct);
        return new CameraOutcome(ToView(camera), []);
    }

    /// <summary>A page of the cameras by id (the row past its limit included, for the pager).</summary>
    public async Task<List<CameraView>> ListAsync(PageRequest page, CancellationToken ct)
    {
        var cameras = await db.AnprCameras.AsNoTracking().PageBy(page, c => c.Id).ToListAsync(ct);
        return [.. cameras.Select(ToView)];
    }

    private static CameraView ToView(Camera c) =>
        new(c.Id, c.Owner, c.Name, c.Lat, c.Lon, c.Direction, AnprNames.Of(c.Source), c.AgreementReference, c.Country.Value);
}
