using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Audit;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;
using Senningen.Node.Common.Security;
using Senningen.Node.Components.Layout;
using Senningen.Node.Features.Audit.Witness.Messages;
using Senningen.Node.Common.Paging;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary>Partners witness each other's audit logs: this node's heads go out, theirs come in and are checked (issue 16).</summary>
internal static class WitnessModule
{
    public static WebApplicationBuilder AddAuditWitness(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(WitnessSettings.Read(builder.Configuration));
        services.AddScoped<WitnessReader>().AddScoped<PublishTreeHeads>().AddScoped<VerifyAgainstWitnesses>();
        if (builder.NodeSettings.Exchange.DispatcherEnabled)
        {
            services.AddHostedService<HeadPublisher>();
        }

        services.AddMessageType<TreeHeadPayload, TreeHeadHandler>(TreeHeadPayload.Type, 1);
        services.AddMessageType<TreeHeadConfirmationPayload, ConfirmationHandler>(TreeHeadConfirmationPayload.Type, 1);
        services.AddConsoleBanner<Ui.WitnessAlarmBanner>(Policies.DataProtection);
        return builder;
    }

    public static WebApplication MapAuditWitness(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/audit/tree-heads").WithTags("Audit");
        group.MapGet("", OverviewAsync).RequireAuthorization(Policies.DataProtection)
            .WithSummary("This node's latest signed tree head, each partner's latest verdict on it, the heads held for the partners, open alarms.");
        group.MapPost("/publish", PublishAsync).RequireAuthorization(Policies.AuditVerify)
            .WithSummary("Send the latest signed tree head to every partner now, with the consistency proof from the head each last confirmed.");
        group.MapGet("/verify", VerifyAsync).RequireAuthorization(Policies.AuditVerify)
            .WithSummary("Check the whole log against this node's heads and the heads partners confirmed (their signatures checked); name the first altered entry.");
        group.MapGet("/confirmations", ConfirmationsAsync).RequireAuthorization(Policies.AuditVerify)
            .PagedByRowKey<TreeHeadConfirmation>("audit-confirmations", newestFirst: false, ConfirmationsDefault, 1000)
            .WithSummary("Partners' signed confirmations of this node's tree heads, each with its witness signature checked against the trusted key.");
        group.MapPost("/alarms/{id:long}/acknowledge", AcknowledgeAsync).RequireAuthorization(Policies.DataProtection)
            .WithSummary("The DPO has seen a witness alarm (audited); 404 when there is no such open alarm.");
        return app;
    }

    public static async Task<Ok<WitnessOverview>> OverviewAsync(WitnessReader reader, PublishTreeHeads publish, CancellationToken ct) =>
        TypedResults.Ok(await reader.OverviewAsync(await publish.LatestHeadAsync(ct), ct));

    public static async Task<Ok<TreeHeadsPublished>> PublishAsync(PublishTreeHeads publish, CurrentOfficer officer, CancellationToken ct) =>
        TypedResults.Ok(await publish.RunAsync(officer.Actor, ct));

    public static async Task<Ok<WitnessedVerification>> VerifyAsync(VerifyAgainstWitnesses verify, CancellationToken ct) =>
        TypedResults.Ok(await verify.RunAsync(ct));

    public static async Task<Ok<IReadOnlyList<TreeHeadConfirmation>>> ConfirmationsAsync(WitnessReader reader, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await reader.ConfirmationsAsync(PageRequest.Of(http, ConfirmationsDefault), ct));

    /// <summary>What a call without <c>limit</c> gets.</summary>
    private const int ConfirmationsDefault = 500;

    public static async Task<Results<NoContent, ProblemHttpResult>> AcknowledgeAsync(long id, WitnessReader reader, Texts texts, CancellationToken ct) =>
        await reader.AcknowledgeAsync(id, ct) ? TypedResults.NoContent() : Problems.NotFound(texts, texts["witness.alarm"]);
}
