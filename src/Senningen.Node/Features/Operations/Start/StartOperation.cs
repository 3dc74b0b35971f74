using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Operations;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Features.Operations.Data;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Timeline;

namespace Senningen.Node.Features.Operations.Start;

/// <summary><c>POST /api/v1/operations</c>: the home control room or the officer starts a pursuit, observation, escort or transport.</summary>
internal static class StartOperation
{
    public static async Task<Results<Created<OperationView>, ProblemHttpResult>> HandleAsync(StartOperationRequest? request,
        SenningenDbContext db, AuditLog audit, ZoneDirectory zones, NodeSettings settings, OperationReader reader, ChangeFeed<OperationsChange> feed,
        ClaimsPrincipal user, Texts texts, TimeProvider clock, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        if (request is null)
        {
            return Problems.Validation(texts, new FieldError("body", Rules.Required, texts["rule.body-required"]));
        }

        var homeZone = StartRules.Check(validator, request, zones, settings.Country, clock.GetUtcNow());
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var now = clock.GetUtcNow();
        var actor = Actor.From(user, settings);
        var operation = new Operation
        {
            Id = Guid.CreateVersion7(now),
            Type = request.Type!,
            HomeCountry = settings.Country.Value,
            HomeZone = homeZone,
            CaseReference = RequestText.Blank(request.CaseReference),
            Vehicles = string.Join('\n', (request.Vehicles ?? []).Select(v => v.Trim())),
            Suspect = RequestText.Blank(request.Suspect),
            Reason = RequestText.Blank(request.Reason),
            AuthorisationReference = RequestText.Blank(request.AuthorisationReference),
            AuthorisationDeadlineMs = request.AuthorisationDeadline?.ToUnixTimeMilliseconds(),
            StartedAtMs = now.ToUnixTimeMilliseconds(),
            StartedBy = actor.Name,
            StartedByLanguage = Texts.Normalise(user.FindFirstValue(Actor.LanguageClaim) ?? Texts.CurrentLanguage),
            Units = [.. request.Units!.Select(u => new OperationUnit
            {
                CallSign = u.CallSign!.Trim(),
                Vehicle = RequestText.Blank(u.Vehicle),
                Officers = u.Officers,
            })],
        };
        db.Operations.Add(operation);
        OperationLog.Add(db, operation.Id, now, EventKinds.Started, operation.Type, actor.Name, homeZone);
        audit.Add(new AuditRecord(AuditActions.OperationStarted, AuditOutcomes.Success, [$"operation:{operation.Id}"],
            CaseReference: operation.CaseReference, Detail: $"{operation.Type}, {operation.Units.Count} unit(s), home zone {homeZone}"), actor);
        await db.SaveChangesAsync(ct);
        feed.Publish(OperationsChange.Operation(operation.Id));
        var view = await reader.GetAsync(operation.Id, Texts.CurrentLanguage, ct);
        return TypedResults.Created($"/api/v1/operations/{operation.Id}", view);
    }
}
