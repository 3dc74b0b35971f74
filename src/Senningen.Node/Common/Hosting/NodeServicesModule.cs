using Senningen.Node.Common.Live;
using Senningen.Node.Common.Localization;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Common.Hosting;

/// <summary>What every capability injects: the clock, the texts, the HTTP context, the current officer, change feeds.</summary>
internal static class NodeServicesModule
{
    public static WebApplicationBuilder AddNodeServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Texts.Load());
        services.AddHttpContextAccessor();
        services.AddCurrentOfficer();
        services.AddChangeFeeds();
        return builder;
    }
}
