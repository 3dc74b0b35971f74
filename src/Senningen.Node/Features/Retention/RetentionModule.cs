using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Retention;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Retention.Holds;
using Senningen.Node.Features.Retention.Overview;
using Senningen.Node.Features.Retention.Purging;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Idempotency;

namespace Senningen.Node.Features.Retention;

/// <summary>
/// Retention (issue 19): the node's retention table, one worker that applies it to every kind of personal record the
/// capabilities register (<see cref="IRetentionTarget"/>), and the data protection officer's holds.
/// </summary>
internal static class RetentionModule
{
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(RetentionSettings.Read(builder.Configuration, builder.NodeSettings));
        services.AddRetentionTarget<ExchangeMessageRetention>().AddRetentionTarget<DroppedMessageRetention>().AddRetentionTarget<IdempotentAnswerRetention>();
        services.AddScoped<PurgeExpired>().AddScoped<RetentionHolds>().AddHostedService<RetentionWorker>();
        services.AddSingleton<PurgeSchedule>().AddScoped<RetentionOverview>();
        return builder;
    }

    public static WebApplication MapRetention(this WebApplication app)
    {
        var holds = app.MapGroup("/api/v1/retention/holds").WithTags("Retention").RequireAuthorization(Policies.DataProtection);
        holds.MapPost("/", HoldEndpoints.PlaceAsync).Idempotent()
            .WithSummary("Keeps the records of a case, or records named by id, past their retention period, for a reason, until a date or until lifted. Audited.");
        holds.MapGet("/", HoldEndpoints.ListAsync)
            .Paged<Contracts.Retention.HoldView>("retention-holds", newestFirst: false, h => Keyset.Of(h.PlacedAt, h.Id), HoldEndpoints.ListDefault, 1000).WithSummary("The holds in place. Audited.");
        holds.MapDelete("/{id:guid}", HoldEndpoints.LiftAsync).WithSummary("Lifts a hold: its records follow their retention period again. Audited.");
        return app;
    }
}
