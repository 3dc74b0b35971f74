using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Retention;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Consultation.Answering;
using Senningen.Node.Features.Consultation.Messages;
using Senningen.Node.Features.Consultation.Oversight;
using Senningen.Node.Features.Consultation.Retention;
using Senningen.Node.Features.Consultation.Searching;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Idempotency;

namespace Senningen.Node.Features.Consultation;

/// <summary>
/// Consultation of partner police databases (issue 6, ADR 0013): searches sent to the partners over the exchange,
/// and, for partners' searches, what this node discloses, decided here from the treaty catalogue, looked up in this
/// country's registers and audited on both sides.
/// </summary>
internal static class ConsultationModule
{
    public static WebApplicationBuilder AddConsultation(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        services.AddSingleton(ConsultationSettings.Read(configuration));
        services.AddSchemaLimits(Searching.SearchRules.Limits);
        services.AddSingleton(ConsultationQuotas.Read(configuration));
        services.AddScoped<ConsultationAnswerer>().AddScoped<QueryQuota>().AddScoped<ConsultationSearches>()
            .AddScoped<ConsultationLog>();
        services.AddRetentionTarget<SearchRetention>();
        services.AddMessageType<QueryPayload, QueryHandler>(QueryPayload.Type, 1);
        services.AddMessageType<AnswerPayload, AnswerHandler>(AnswerPayload.Type, 1);
        return builder;
    }

    public static WebApplication MapConsultation(this WebApplication app)
    {
        var consultation = app.MapGroup("/api/v1/consultation").WithTags("Consultation");
        consultation.MapPost("/searches", StartSearch.HandleAsync).RequireAuthorization(Policies.Consultation).Idempotent()
            .WithSummary("Searches the partners' registers (persons, vehicles, documents, records) in a treaty context; 202 with the search to follow. Audited.");
        consultation.MapGet("/searches/{id:guid}", ReadSearch.HandleAsync).RequireAuthorization(Policies.Consultation)
            .WithSummary("A search of your unit and each partner's answer (waiting, answered, no-answer); another unit's is a 404 and an audited denial. Audited.");
        consultation.MapGet("/log", ConsultationLogEndpoints.ListAsync).RequireAuthorization(Policies.DataProtection)
            .PagedByRowKey<Contracts.Consultation.ConsultationLogRow>("consultation-log", newestFirst: true, ConsultationLog.MaxRows, 1000)
            .WithSummary("For the DPO: consultations asked by this node's users and partners' consultations this node answered, from the audit log (default: the last 7 days). Audited.");
        consultation.MapGet("/log/{id:guid}", ConsultationLogEndpoints.TrailAsync).RequireAuthorization(Policies.DataProtection)
            .WithSummary("For the DPO: every audit entry of one consultation on this node, oldest first. Audited.");
        return app;
    }
}
