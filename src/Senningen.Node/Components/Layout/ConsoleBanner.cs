using Microsoft.AspNetCore.Components;

namespace Senningen.Node.Components.Layout;

/// <summary>
/// A component a capability shows above every console page, to the users its policy admits (the Requests crisis
/// banner). The shell renders what capabilities register and so names none of them (ADR 0016).
/// </summary>
public sealed record ConsoleBanner(Type Component, string Policy);

internal static class ConsoleBanners
{
    public static IServiceCollection AddConsoleBanner<TComponent>(this IServiceCollection services, string policy)
        where TComponent : IComponent =>
        services.AddSingleton(new ConsoleBanner(typeof(TComponent), policy));
}
