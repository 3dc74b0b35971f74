using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Retention;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Audit.Restore;
using Senningen.Node.Features.Audit.Retention;
using Senningen.Node.Features.Audit.SearchLog;
using Senningen.Node.Features.Audit.Tree;
using Senningen.Node.Features.Audit.VerifyChain;
using Senningen.Node.Features.Audit.Witness;
using Senningen.Node.Common.Conventions;

namespace Senningen.Node.Features.Audit;

internal static class AuditModule
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AuditLog>().AddSingleton<AuditAppended>().AddScoped<AuditTree>().AddScoped<AuditTreeStatusReader>().AddScoped<VerifyAuditChain>().AddScoped<AuditReader>();
        builder.Services.AddSingleton(AuditTreeSettings.Read(builder.Configuration)).AddHostedService<AuditSequencer>().AddHostedService<AuditHeadThinner>();
        builder.Services.AddRetentionTarget<AuditLogRetention>();
        builder.AddAuditWitness();
        builder.AddAuditRestore();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit");
        group.MapGet("/verify", VerifyAsync).RequireAuthorization(Policies.AuditVerify)
            .WithSummary("Check every entry against the log's Merkle tree and its signed heads; name the first altered entry.");
        group.MapGet("/tree-heads/latest", AuditTreeEndpoints.LatestHeadAsync).RequireAuthorization(Policies.AuditVerify).WithETag()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The latest tree head this node signed over its log.");
        group.MapGet("/proofs/inclusion", AuditTreeEndpoints.InclusionAsync).RequireAuthorization(Policies.AuditVerify)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("RFC 9162 inclusion proof of an entry (entry=id) in the tree of size leaves (size, default the latest head's).");
        group.MapGet("/proofs/consistency", AuditTreeEndpoints.ConsistencyAsync).RequireAuthorization(Policies.AuditVerify)
            .WithSummary("RFC 9162 consistency proof that the tree of from leaves is a prefix of the tree of to leaves.");
        group.MapGet("/entries", SearchAsync).RequireAuthorization(Policies.DataProtection)
            .WithSummary("Search the log (newest first). A subject filter needs a purpose.");
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.DataProtection)
            .WithSummary("The filtered log as CSV. A subject filter needs a purpose.");
        app.MapAuditWitness();
        app.MapAuditRestore();
        return app;
    }

    public static async Task<Ok<AuditVerification>> VerifyAsync(VerifyAuditChain verify, CancellationToken ct) => TypedResults.Ok(await verify.RunAsync(ct));

    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> SearchAsync(
        [AsParameters] AuditQueryParameters parameters, AuditReader reader, Texts texts, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var query = parameters.ToQuery(validator);
        var page = parameters.PageNumber(validator);
        var pageSize = parameters.PageLength(validator);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        return TypedResults.Ok(await reader.SearchAsync(query, page, pageSize, ct));
    }

    public static async Task<IResult> ExportAsync([AsParameters] AuditQueryParameters parameters, AuditReader reader, Texts texts,
        HttpContext http, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var query = parameters.ToQuery(validator);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"senningen-audit.csv\"";
        await reader.ExportCsvAsync(query, http.Response.Body, ct);
        return Results.Empty;
    }
}
