using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Senningen.Node.Common.Officers;

internal static class OfficersSetup
{
    public static IServiceCollection AddCurrentOfficer(this IServiceCollection services)
    {
        services.AddScoped<CurrentOfficer>();
        services.AddScoped<Security.NeedToKnowGuard>().AddSingleton<Security.PageVisitDenials>();
        services.AddScoped(typeof(PerCall<>));
        services.AddScoped<CircuitHandler, CurrentOfficerCircuitHandler>();
        return services;
    }

    public static IApplicationBuilder UseCurrentOfficer(this IApplicationBuilder app) => app.UseMiddleware<CurrentOfficerMiddleware>();
}
