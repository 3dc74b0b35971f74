using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Senningen.Contracts.Exchange;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Security;

namespace Senningen.Node.Features.Exchange.Keys;

internal static class NodeKeyEndpoints
{
    public static void MapNodeKeys(this IEndpointRouteBuilder app)
    {
        // Public keys only, and partners fetch it before they can prove who they are: the one anonymous read of the node API.
        app.MapGet("/api/v1/node/keys", (NodeKeyRing keys, NodeSettings settings, TimeProvider clock) =>
            {
                var now = clock.GetUtcNow();
                return TypedResults.Ok(KeySetMapping.ToWire(keys.Publish(keys.All, settings.Country, now), now));
            })
            .AllowAnonymous()
            .WithTags("Node").WithSummary("This node's signing keys (current, next, retiring) and revoked key ids, signed by each listed key.");
        var admin = app.MapGroup("/api/v1/node/keys").RequireAuthorization(Policies.Admin).WithTags("Node");
        admin.MapPost("/rotate", RotateAsync).WithSummary("Makes the next signing key, publishes it and pushes it to partners; signing switches after the grace.");
        admin.MapPost("/revoke", RevokeAsync).WithSummary("Revokes a key: partners refuse it from when they learn it, which the node tells them at once.");
    }

    public static async Task<Results<Ok<KeySetWire>, ProblemHttpResult>> RotateAsync(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateKeyRequest? request, RotateNodeKey rotate, Texts texts, TimeProvider clock,
        CancellationToken ct)
    {
        var grace = request?.GraceSeconds ?? 0;
        if (grace is < 0 or > RotateNodeKey.MaxGraceSeconds)
        {
            return Problems.Validation(texts, new FieldError("graceSeconds", Rules.Range, texts["rule.range", "graceSeconds", 0, RotateNodeKey.MaxGraceSeconds]));
        }

        return Answer(await rotate.RotateAsync(TimeSpan.FromSeconds(grace), ct), texts, clock);
    }

    public static async Task<Results<Ok<KeySetWire>, ProblemHttpResult>> RevokeAsync(RevokeKeyRequest request, RevokeNodeKey revoke, Texts texts,
        TimeProvider clock, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        if (validator.Required("kid", request.Kid) && (request.Kid!.Length != 64 || !request.Kid.All(char.IsAsciiHexDigitLower)))
        {
            validator.Add("kid", Rules.Format, "exchange.keys.rule.kid-format");
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return Answer(await revoke.RevokeAsync(request.Kid!, ct), texts, clock);
    }

    private static Results<Ok<KeySetWire>, ProblemHttpResult> Answer(NodeKeyChange change, Texts texts, TimeProvider clock) => change switch
    {
        { Set: { } set } => TypedResults.Ok(KeySetMapping.ToWire(set, clock.GetUtcNow())),
        { NotFound: true } => Problems.NotFound(texts, "key"),
        _ => Problems.Create(texts, StatusCodes.Status409Conflict, "conflict", texts[$"exchange.keys.problem.{change.Conflict}"],
            new Dictionary<string, object?> { ["rule"] = change.Conflict }),
    };
}
