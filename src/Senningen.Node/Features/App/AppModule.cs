using Senningen.Core.Treaty;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.App.Bundle;

namespace Senningen.Node.Features.App;

/// <summary>
/// The officer's app: a progressive web app served as static files under <c>/app/</c> (wwwroot/app) and the offline
/// bundle it keeps on the phone. Its connected actions use the operations API with an <c>Idempotency-Key</c>.
/// </summary>
internal static class AppModule
{
    public static WebApplicationBuilder AddApp(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        var settings = AppSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton(sp => FieldGuide.Load(settings.FieldGuideFile, sp.GetRequiredService<TreatyCatalogue>()));
        // Built on first request: the outlines and four compressions take a moment a starting node need not wait for.
        services.AddSingleton<OfflineBundleBuilder>();
        services.AddSingleton(sp => new Lazy<OfflineBundle>(() => sp.GetRequiredService<OfflineBundleBuilder>().Build(sp.GetRequiredService<TimeProvider>().GetUtcNow())));
        return builder;
    }

    public static WebApplication MapApp(this WebApplication app)
    {
        // The shell holds no data: it must open without a session (sign-in, and the cached guide once the token expired).
        app.MapGet("/app", () => Results.Redirect("/app/index.html")).AllowAnonymous().ExcludeFromDescription();
        var group = app.MapGroup("/api/v1/app").WithTags("Officer's app");
        group.MapGet("/texts", GetShellTexts.Handle).AllowAnonymous()
            .WithSummary("The app's own texts in one language (lang=nl|fr|de|en), for the sign-in screen before there is a bundle.");
        group.MapGet("/bundle", GetBundle.Handle).RequireAuthorization(Policies.FieldApp)
            .WithSummary("The offline bundle in one language (lang=nl|fr|de|en, default: yours): guide, contacts, phrases, outlines; ETag is the version.");
        return app;
    }
}
