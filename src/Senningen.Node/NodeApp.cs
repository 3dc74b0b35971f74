using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Exchange;
using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Observability;
using Senningen.Node.Common.Officers;
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
        var settings = NodeSettingsReader.Read(builder.Configuration);

        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = settings.Api.MaxRequestBodyBytes;
            k.ConfigureHttpsDefaults(https => PartnerTls.ConfigureServer(https, settings.Exchange));
        });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5100");
        }

        builder.AddTelemetry(settings);
        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Texts.Load());
        services.AddHttpContextAccessor();
        services.AddCurrentOfficer();
        services.AddChangeFeeds();
        services.AddPersistence(settings);
        var dataProtection = services.AddDataProtection().SetApplicationName("senningen-node-" + settings.Country.Value)
            .PersistKeysToDbContext<SenningenDbContext>();
        if (settings.KeyProtection is { } protection)
        {
            dataProtection.ProtectKeysWithCertificate(
                System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(protection.CertificatePath, protection.CertificatePassword));
        }
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        services.AddAntiforgery(o => o.Cookie.Name = settings.CookiePrefix + ".Antiforgery");
        services.AddApiRateLimits(settings);
        services.AddOpenApiDocument();
        services.AddIdentityFeature(settings);
        services.AddAuditFeature();
        services.AddExchange(settings);
        services.AddExchangeFeature();
        services.AddTreatyFeature(settings);
        services.AddGeoFeature(builder.Configuration);
        services.AddOperationsFeature(settings);
        services.AddAnprFeature(builder.Configuration, settings);
        services.AddRegistryFeature(builder.Configuration);
        services.AddConsultationFeature(builder.Configuration);
        services.AddRequestsFeature(builder.Configuration, settings);
        services.AddAppFeature(builder.Configuration);
        services.AddConsole();
        overrides?.Invoke(services);

        var app = builder.Build();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<BodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseCurrentOfficer();
        app.UseSenningenLanguages(settings);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApiDocument();
        app.MapNodeInfo();
        app.MapIdentityFeature();
        app.MapAuditFeature();
        app.MapExchangeInbox();
        app.MapExchangeFeature();
        app.MapTreatyFeature();
        app.MapGeoFeature();
        app.MapOperationsFeature();
        app.MapAnprFeature();
        app.MapRegistryFeature();
        app.MapConsultationFeature();
        app.MapRequestsFeature();
        app.MapAppFeature();
        app.MapConsole();
        return app;
    }

    /// <summary>Migrates the database and seeds what the node needs before it accepts requests.</summary>
    public static async Task PrepareAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.MigrateDatabaseAsync(cancellationToken);
        await app.Services.SeedUsersAsync(cancellationToken);
        await app.Services.SeedDemoCamerasAsync(cancellationToken);
        await app.Services.PrepareAnprAsync(cancellationToken);
        await app.Services.SeedDemoRegistryAsync(cancellationToken);
        await app.Services.SeedDemoRequestsAsync(cancellationToken);
    }
}
