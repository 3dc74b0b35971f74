using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Hosting;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Security;
using Senningen.Node.Components;
using Senningen.Node.Features.Anpr;
using Senningen.Node.Features.Anpr.Cameras;
using Senningen.Node.Features.App;
using Senningen.Node.Features.Audit;
using Senningen.Node.Features.Consultation;
using Senningen.Node.Features.Exchange;
using Senningen.Node.Features.Geo;
using Senningen.Node.Features.Identity;
using Senningen.Node.Features.NodeInfo;
using Senningen.Node.Features.Operations;
using Senningen.Node.Features.Registry;
using Senningen.Node.Features.Requests;
using Senningen.Node.Features.Retention;
using Senningen.Node.Features.Statistics;
using Senningen.Node.Features.Treaty;

namespace Senningen.Node;

/// <summary>Builds one node (one country): the table of contents of the host.</summary>
public static class NodeApp
{
    public static WebApplication Build(string[] args, Action<ConfigurationManager>? configure = null,
        Action<IServiceCollection>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(NodeApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder.Configuration);

        // Infrastructure (Common): every capability relies on it.
        builder.AddNodeSettings();
        builder.AddKestrel();
        builder.AddTelemetry();
        builder.AddNodeServices();
        builder.AddPersistence();
        builder.AddKeyRing();
        builder.AddHttpApi();

        // The capabilities (Features/), one module each; the partner messaging they send through comes before the
        // Exchange capability that monitors it.
        builder.AddIdentity();
        builder.AddAudit();
        builder.AddPartnerMessaging();
        builder.AddExchange();
        builder.AddTreaty();
        builder.AddGeo();
        builder.AddOperations();
        builder.AddAnpr();
        builder.AddRegistry();
        builder.AddConsultation();
        builder.AddRequests();
        builder.AddRetention();
        builder.AddStatistics();
        builder.AddApp();
        builder.AddConsole();
        overrides?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseNodeMiddleware();

        app.MapHealth();
        app.MapOpenApiDocument();
        app.MapNodeInfo();
        app.MapIdentity();
        app.MapAudit();
        app.MapExchangeInbox();
        app.MapExchange();
        app.MapTreaty();
        app.MapGeo();
        app.MapOperations();
        app.MapAnpr();
        app.MapRegistry();
        app.MapConsultation();
        app.MapRequests();
        app.MapRetention();
        app.MapStatistics();
        app.MapApp();
        app.MapConsole();
        return app;
    }

    /// <summary>Migrates the database and seeds what the node needs before it accepts requests.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.MigrateDatabaseAsync(cancellationToken);
        await app.Services.RemoveUnprotectedKeysAsync(cancellationToken);
        await app.Services.PrepareNodeKeysAsync(cancellationToken);
        await app.Services.SeedUsersAsync(cancellationToken);
        await app.Services.SeedDemoCamerasAsync(cancellationToken);
        await app.Services.PrepareAnprAsync(cancellationToken);
        await app.Services.SeedDemoRegistryAsync(cancellationToken);
        // The demo's requests are drafted by the demo patrol officer, in their unit: need to know gives them to that unit.
        var country = app.Services.GetRequiredService<NodeSettings>().Country;
        await app.Services.SeedDemoRequestsAsync(DemoUsers.For(country).First(u => u.Username == "officer").Unit!, cancellationToken);
    }
}
