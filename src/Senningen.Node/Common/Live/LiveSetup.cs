namespace Senningen.Node.Common.Live;

internal static class LiveSetup
{
    /// <summary>
    /// One <see cref="ChangeFeed{T}"/> per change type, shared by the process, and the backplane to the other instances;
    /// and the event streams the API serves from them, with the capabilities' <see cref="IStreamFeed"/>s and their sequencer.
    /// </summary>
    public static IServiceCollection AddChangeFeeds(this IServiceCollection services)
    {
        services.AddSingleton<ChangeBackplane>().AddHostedService(sp => sp.GetRequiredService<ChangeBackplane>()).AddSingleton(typeof(ChangeFeed<>))
            .AddScoped<EventStreamer>().AddSingleton<StreamFeedWake>().AddHostedService<StreamFeedSequencer>();
        // Each capability declares its feeds next to its stream; they are found here rather than listed.
        foreach (var feed in typeof(LiveSetup).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStreamFeed).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            services.AddSingleton(typeof(IStreamFeed), feed);
        }

        return services;
    }
}
