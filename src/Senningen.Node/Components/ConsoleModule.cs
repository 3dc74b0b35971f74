namespace Senningen.Node.Components;

internal static class ConsoleModule
{
    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        return builder;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
