using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Lifecycle;
using Senningen.Node.Features.Operations.Public;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Start;

/// <summary>
/// The home control room or the officer starts a pursuit, observation, escort or transport: checked field by field,
/// kept with its first timeline line and audit entry. Shared by the API, the console form and the demo.
/// </summary>
internal sealed class StartOperation(SenningenDbContext db, AuditLog audit, ZoneDirectory zones, NodeSettings settings, OperationReader reader,
    ChangeFeed<OperationsChange> feed, CurrentOfficer officer, Texts texts, TimeProvider clock)
{
    public Task<Outcome<OperationView>> StartAsync(StartOperationRequest? request, CancellationToken ct) => StartAsync(request, null, ct);

    /// <summary>
    /// <paramref name="startedAt"/>: when the operation really began, if earlier than now (the demo's replay of a
    /// pursuit already under way); its fixes from then on are accepted. Not offered on the API.
    /// </summary>
    public async Task<Outcome<OperationView>> StartAsync(StartOperationRequest? request, DateTimeOffset? startedAt, CancellationToken ct)
    {
        if (request is null)
        {
            return Failure.Invalid(new FieldError("body", Rules.Required, texts["rule.body-required"]));
        }

        var validator = new RequestValidator(texts);
        var homeZone = StartRules.Check(validator, request, zones, settings.Country, clock.GetUtcNow());
        if (validator.HasErrors)
        {
            return Failure.Invalid(validator.Errors);
        }

        var now = clock.GetUtcNow();
        if (startedAt is { } began && began < now)
        {
            now = began;
        }

        var actor = officer.Actor;
        var operation = OperationSteps.Start(new Operation
        {
            Id = Guid.CreateVersion7(now),
            Type = request.Type!,
            HomeCountry = settings.Country,
            HomeZone = homeZone,
            CaseReference = RequestText.Blank(request.CaseReference),
            Vehicles = string.Join('\n', (request.Vehicles ?? []).Select(v => v.Trim())),
            Suspect = RequestText.Blank(request.Suspect),
            Reason = RequestText.Blank(request.Reason),
            AuthorisationReference = RequestText.Blank(request.AuthorisationReference),
            AuthorisationDeadline = request.AuthorisationDeadline,
            StartedAt = now,
            StartedBy = actor.Name,
            OwnerUnit = actor.Unit,
            StartedByLanguage = Texts.Normalise(officer.Language ?? Texts.CurrentLanguage),
            Units = [.. request.Units!.Select(u => new OperationUnit
            {
                CallSign = u.CallSign!.Trim(),
                Vehicle = RequestText.Blank(u.Vehicle),
                Officers = u.Officers,
            })],
        });
        db.Operations.Add(operation);
        OperationLog.Add(db, operation.Id, now, EventKinds.Started, operation.Type, actor.Name, homeZone);
        audit.Add(new AuditRecord(AuditActions.OperationStarted, AuditOutcomes.Success, [$"operation:{operation.Id}"],
            CaseReference: operation.CaseReference, Detail: $"{operation.Type}, {operation.Units.Count} unit(s), home zone {homeZone}"), actor);
        // With an Idempotency-Key the save joins a transaction that commits later, with the kept answer.
        db.AfterCommit(() => feed.Publish(OperationsChange.Operation(operation.Id)));
        await db.SaveChangesAsync(ct);
        return (await reader.GetAsync(operation.Id, Texts.CurrentLanguage, ct))!;
    }
}
