using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Paging;
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
            .Paged<AuditPage, AuditEntryView>("audit-entries", newestFirst: true, AuditReader.KeyOf, p => p.Entries,
                (whole, page) => whole with { Entries = page }, EntriesDefault, EntriesMax)
            .DeprecatedParameter("page", "cursor", PageDeprecated, PageSunset, "/docs/adr/0026-api-versioning-and-deprecation.md")
            .DeprecatedParameter("pageSize", "limit", PageDeprecated, PageSunset, "/docs/adr/0026-api-versioning-and-deprecation.md")
            .WithSummary("Search the log (newest first), with the total the search matches. A subject filter needs a purpose.");
        group.MapGet("/export", ExportAsync).RequireAuthorization(Policies.DataProtection)
            .WithSummary("The filtered log as CSV. A subject filter needs a purpose.");
        app.MapAuditWitness();
        app.MapAuditRestore();
        return app;
    }

    public static async Task<Ok<AuditVerification>> VerifyAsync(VerifyAuditChain verify, CancellationToken ct) => TypedResults.Ok(await verify.RunAsync(ct));

    /// <summary>What a call without <c>limit</c> gets, and the most a page holds: the old <c>pageSize</c>'s default and maximum.</summary>
    public const int EntriesDefault = 50;
    public const int EntriesMax = 500;

    private static readonly DateTimeOffset PageDeprecated = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset PageSunset = new(2027, 6, 7, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// One page of the search. The deprecated <c>pageSize</c> (1-500) still sets the first page's size when no
    /// <c>limit</c> is given, and <c>page</c> (1-100,000) still skips to that page when no <c>cursor</c> is given.
    /// </summary>
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> SearchAsync(
        [AsParameters] AuditQueryParameters parameters, AuditReader reader, Texts texts, HttpContext http, CancellationToken ct)
    {
        var validator = new RequestValidator(texts);
        var query = parameters.ToQuery(validator);
        var number = parameters.PageNumber(validator);
        var size = parameters.PageLength(validator);
        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var page = PageRequest.Of(http, EntriesDefault);
        if (parameters.PageSize is not null && !http.Request.Query.ContainsKey(PagedFilter<object>.LimitField))
        {
            page = page with { Limit = size };
            http.Features.Set(page);
        }

        var skip = page.After is null ? (number - 1) * page.Limit : 0;
        return TypedResults.Ok(await reader.SearchAsync(query, page, skip, ct));
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
