using Senningen.Contracts.Operations;
using Senningen.Core.Geo;
using Senningen.Core.Operations;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Idempotency;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Retention;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Operations.Alerts;
using Senningen.Node.Features.Operations.End;
using Senningen.Node.Features.Operations.Home;
using Senningen.Node.Features.Operations.Messages;
using Senningen.Node.Features.Operations.Positions;
using Senningen.Node.Features.Operations.Read;
using Senningen.Node.Features.Operations.Report;
using Senningen.Node.Features.Operations.Retention;
using Senningen.Node.Features.Operations.Start;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Conventions;

namespace Senningen.Node.Features.Operations;

/// <summary>Live operations across the border: pursuits, observations, escorts; crossings, alerts and reports.</summary>
internal static class OperationsModule
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        var (services, settings) = (builder.Services, builder.NodeSettings);
        var o = settings.Operations;
        var rules = new CrossingRules(o.CrossingMinFixes, o.CrossingMinDistanceMetres, o.CrossingMaxAccuracyMetres, o.CrossingMaxGap);
        services.AddSingleton(sp => new CrossingDetector(sp.GetRequiredService<Core.Geo.IGeoLocator>(), rules));
        services.AddSingleton(sp => ZoneDirectoryFrom(sp.GetRequiredService<ControlRoomDirectory>(), sp.GetRequiredService<TalkGroupDirectory>()));
        services.AddScoped<OperationReader>().AddScoped<AlertReader>().AddScoped<ReportRenderer>();
        services.AddSchemaLimits(FixRules.Limits);
        services.AddScoped<PositionStore>().AddScoped<CrossingNotifier>().AddSingleton<PositionWriter>();
        services.AddScoped<StartOperation>().AddScoped<RecordPositions>().AddScoped<EndOperation>().AddScoped<AcknowledgeAlert>();
        services.AddScoped<ReadOperations>().AddScoped<ReadAlerts>().AddScoped<StreamAlerts>().AddScoped<ReadReport>().AddScoped<Public.OperationsPicture>();
        services.AddRetentionTarget<UnitPositionRetention>().AddRetentionTarget<AlertPositionRetention>()
            .AddRetentionTarget<OperationRetention>().AddRetentionTarget<AlertRetention>();
        services.AddMessageType<CrossingPayload, CrossingHandler>(CrossingPayload.Type, 1);
        services.AddMessageType<PositionsPayload, PositionsHandler>(PositionsPayload.Type, 1);
        services.AddMessageType<LeftPayload, LeftHandler>(LeftPayload.Type, 1);
        services.AddMessageType<EndedPayload, EndedHandler>(EndedPayload.Type, 1);
        services.AddMessageType<AcknowledgedPayload, AcknowledgedHandler>(AcknowledgedPayload.Type, 1);
        services.AddMessageType<EscalatedPayload, EscalatedHandler>(EscalatedPayload.Type, 1);
        services.AddSingleton<Demo.DemoSimulator>();
        services.AddSingleton<EscalationWorker>();
        if (settings.Exchange.DispatcherEnabled)
        {
            services.AddHostedService(sp => sp.GetRequiredService<EscalationWorker>());
        }

        return builder;
    }

    private static ZoneDirectory ZoneDirectoryFrom(ControlRoomDirectory rooms, TalkGroupDirectory talkGroups) =>
        new([.. rooms.All.Select(r => new ZoneInfo(r.ZoneId, r.Country, r.Name))],
            (zone, visiting) => talkGroups.For(zone, visiting) is [var first, ..] ? new TalkGroupInfo($"{first.TalkGroupName} · {first.TalkGroupId}", first.Placeholder) : null);

    public static WebApplication MapOperations(this WebApplication app)
    {
        // Reading and reaching one by id is for every role need to know gives a reach to (the DPO reads); what a user may do
        // with a given operation or alert is need to know's answer in the use case. Starting one stays with those who run them.
        var ops = app.MapGroup("/api/v1/operations").RequireAuthorization(Policies.OperationsRead).WithTags("Operations");
        ops.MapPost("", StartOperationEndpoint.HandleAsync).RequireAuthorization(Policies.Operations).Idempotent().WithSummary("Starts a pursuit, observation, escort or transport.");
        ops.MapGet("", ReadOperationsEndpoints.ListAsync)
            .Paged<Contracts.Operations.OperationList, Contracts.Operations.OperationView>("operations", newestFirst: true, o => Keyset.Of(o.StartedAt, o.Id),
                l => l.Operations, page => new Contracts.Operations.OperationList(page), ReadOperations.ListDefault, ReadOperations.ListMax)
            .DeprecatedParameter("take", "limit", new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 7, 0, 0, 0, TimeSpan.Zero),
                "/docs/adr/0026-api-versioning-and-deprecation.md")
            .WithSummary("This node's operations the reader may see, newest first (active=true for running ones; audited).");
        ops.MapGet("/{id:guid}", ReadOperationsEndpoints.GetAsync).WithETag().WithSummary("One operation with its units, crossings and timeline (audited).");
        ops.MapPost("/{id:guid}/positions", RecordPositionsEndpoint.HandleAsync).Idempotent()
            .WithSummary("A batch of unit fixes in any order; returns accepted, duplicates, rejected (with reasons) and crossings.");
        ops.MapPost("/{id:guid}/end", EndOperationEndpoint.HandleAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Ends the operation; the after-action report is kept and sent.");
        ops.MapGet("/{id:guid}/report", ReadReportEndpoints.OfOperationAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The after-action report in one language (lang=nl|fr|de|en).");

        var alerts = app.MapGroup("/api/v1/alerts").RequireAuthorization(Policies.AlertsRead).WithTags("Operations");
        alerts.MapGet("", ReadAlertsEndpoints.ListAsync).WithETag()
            .Paged<Contracts.Operations.AlertView>("alerts", newestFirst: true, a => Keyset.Of(a.ReceivedAt, a.Id), ReadAlerts.ListDefault, 100)
           .WithSummary("Foreign operations on this territory, newest first (audited).");
        alerts.MapGet("/{id:guid}", ReadAlertsEndpoints.GetAsync).WithETag().WithSummary("One alert with the rules that apply and the track (audited).");
        alerts.MapPost("/{id:guid}/acknowledge", AcknowledgeAlertEndpoint.HandleAsync).Idempotent().WithSummary("The control room has seen it; the home node is told.");
        alerts.MapGet("/{id:guid}/report", ReadReportEndpoints.OfAlertAsync).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("The partner's after-action report, once it ended (audited).");
        app.MapGet("/api/v1/streams/alerts", StreamAlerts.Open).RequireAuthorization(Policies.AlertsRead).WithTags("Operations").ProducesEventStream<AlertView>()
            .WithSummary("Server-sent events: each alert as it arrives (the desk: as it is escalated); Last-Event-ID resumes (audited).");
        return app;
    }
}
