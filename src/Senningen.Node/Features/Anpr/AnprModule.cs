using Senningen.Contracts.Anpr;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Retention;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Anpr.Cameras;
using Senningen.Node.Features.Anpr.History;
using Senningen.Node.Features.Anpr.Hits;
using Senningen.Node.Features.Anpr.Hotlists;
using Senningen.Node.Features.Anpr.Ingest;
using Senningen.Node.Features.Anpr.Messages;
using Senningen.Node.Features.Anpr.Retention;
using Senningen.Node.Features.Anpr.Runs;
using Senningen.Node.Common.Paging;
using Senningen.Node.Common.Conventions;
using Senningen.Node.Common.Idempotency;

namespace Senningen.Node.Features.Anpr;

/// <summary>ANPR: the camera registry, hotlists, reads in, hits to the control room and to the partner that owns the entry.</summary>
internal static class AnprModule
{
    private static readonly DateTimeOffset GroupsPageDeprecated = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset GroupsPageSunset = new(2027, 6, 7, 0, 0, 0, TimeSpan.Zero);

    public static WebApplicationBuilder AddAnpr(this WebApplicationBuilder builder)
    {
        var (services, configuration, settings) = (builder.Services, builder.Configuration, builder.NodeSettings);
        services.AddSingleton(AnprSettings.Read(configuration, settings));
        services.AddSingleton<LiveHotlist>();
        services.AddSchemaLimits(ReadRules.Limits);
        services.AddHostedService<HotlistRefresher>();
        services.AddScoped<ReadIngest>().AddScoped<HitRecorder>().AddScoped<HotlistImporter>().AddSingleton<HitZones>();
        services.AddScoped<HotlistReader>().AddScoped<HotlistRemoval>().AddScoped<HitReader>().AddScoped<HitAcknowledgements>().AddScoped<CameraRegistry>().AddScoped<StreamHits>();
        services.AddMessageType<HitPayload, HitHandler>(HitPayload.Type, 1);
        services.AddSingleton(AnprLegalRules.Read(configuration, settings));
        services.AddScoped<PurgeReads>().AddScoped<ReadPartitions>().AddScoped<ReadHistory>();
        services.AddRetentionTarget<AnprReadRetention>().AddRetentionTarget<AnprHitRetention>();
        services.AddHostedService<DemoReadStream>();
        services.AddSingleton<RunSignal>().AddSingleton<RunLock>().AddSingleton<RunAppender>();
        services.AddScoped<RunMerger>().AddScoped<RunPurge>().AddHostedService<RunMergeWorker>();
        return builder;
    }

    /// <summary>On PostgreSQL the next days of the reads table exist before the first read arrives.</summary>
    public static async Task PrepareAnprAsync(this IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        await scope.ServiceProvider.GetRequiredService<ReadPartitions>().EnsureAheadAsync(now, ct);
    }

    public static WebApplication MapAnpr(this WebApplication app)
    {
        var anpr = app.MapGroup("/api/v1/anpr").WithTags("ANPR");
        anpr.MapGet("/cameras", RegisterCamera.ListAsync).RequireAuthorization(Policies.AnprView)
            .Paged<Contracts.Anpr.CameraView>("anpr-cameras", newestFirst: false, c => PageKey.Named(c.Id), RegisterCamera.ListDefault, 1000).WithSummary("The cameras that send reads to this node.");
        anpr.MapPost("/cameras", RegisterCamera.HandleAsync).RequireAuthorization(Policies.Admin).Idempotent()
            .WithSummary("Registers a police camera, or a partner's camera under its partnership agreement.");
        anpr.MapPost("/reads", RecordReads.HandleAsync).RequireAuthorization(Policies.AnprIngest).Idempotent()
            .Accepts<List<Contracts.Anpr.PlateReadInput>>("application/json", ReadBody.NdJson)
            .WithSummary("A batch of camera reads (JSON array or NDJSON): accepted, rejected one by one with field and rule, and hits.");
        anpr.MapPost("/reads/search", SearchReads.HandleAsync).RequireAuthorization(Policies.AnprHistory)
            .WithSummary("Stored reads by plate (canonical key) or camera over a period, for a purpose and a case, under the node's law. Audited.");
        anpr.MapGet("/hotlist", ReadHotlist.ListAsync).RequireAuthorization(Policies.AnprView)
            .Paged<Contracts.Anpr.HotlistEntryView>("anpr-hotlist", newestFirst: true, e => Keyset.Of(e.UpdatedAt, e.Id), HotlistReader.ListDefault, HotlistReader.ListMax)
            .WithSummary("Hotlist entries (filters: plate, by canonical key; category; owner), latest change first.");
        anpr.MapPost("/hotlist/import", ImportHotlist.HandleAsync).RequireAuthorization(Policies.AnprHotlist).Idempotent()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .Accepts<List<Contracts.Anpr.HotlistEntryInput>>("application/json", "text/csv")
            .WithSummary("Imports hotlist lines (CSV or JSON); dryRun=true only reports valid and rejected lines. Audited.");
        anpr.MapDelete("/hotlist/{id:guid}", ReadHotlist.DeleteAsync).RequireAuthorization(Policies.AnprHotlist)
            .WithSummary("Removes a hotlist entry; matching stops at once. Audited.");
        anpr.MapGet("/hits", ReadHits.ListAsync).RequireAuthorization(Policies.AnprHits).WithETag()
            .Paged<Contracts.Anpr.HitView>("anpr-hits", newestFirst: true, h => Keyset.Of(h.ReceivedAt, h.Id), ReadHits.ListDefault, 1000)
            .WithSummary("Hits received since a moment (since=ISO 8601; default the last 24 hours), newest first. Audited.");
        anpr.MapGet("/hits/groups", ReadHits.GroupsAsync).RequireAuthorization(Policies.AnprHits)
            .Paged<HitGroupPage, HitGroupView>("anpr-hit-groups", newestFirst: false,
                _ => throw new InvalidOperationException("The groups' use case names where its page ends."), p => p.Groups,
                (whole, page) => whole with { Groups = page }, ReadHits.GroupsDefault, ReadHits.GroupsMax)
            .DeprecatedParameter("page", "cursor", GroupsPageDeprecated, GroupsPageSunset, "/docs/adr/0026-api-versioning-and-deprecation.md")
            .DeprecatedParameter("pageSize", "limit", GroupsPageDeprecated, GroupsPageSunset, "/docs/adr/0026-api-versioning-and-deprecation.md")
            .WithSummary("Hits grouped by hotlist entry (count, first and last seen, cameras, latest sighting), the most urgent action first, "
                + "a page at a time (limit, cursor); filters: state, category, action, camera, since. Audited.");
        anpr.MapPost("/hits/{id:guid}/acknowledge", AcknowledgeHit.HandleAsync).RequireAuthorization(Policies.AnprHits)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The control room has seen the hit.");
        anpr.MapPost("/hits/{id}/acknowledge-group", AcknowledgeHit.HandleGroupAsync).RequireAuthorization(Policies.AnprHits)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The control room has seen the hit and every earlier unacknowledged hit of the same hotlist entry. Audited.");
        app.MapGet("/api/v1/streams/anpr-hits", StreamHits.Open).RequireAuthorization(Policies.AnprHits).WithTags("ANPR")
            .ProducesEventStream<Contracts.Anpr.HitView>()
            .WithSummary("Server-sent events: each hit as it is stored at this node; Last-Event-ID resumes (audited).");
        return app;
    }
}
