namespace Senningen.Node.Common.Live;

internal static class LiveSetup
{
    /// <summary>
    /// One <see cref="ChangeFeed{T}"/> per change type, shared by the process, and the backplane to the other instances;
    /// and the event streams the API serves from them.
    /// </summary>
    public static IServiceCollection AddChangeFeeds(this IServiceCollection services) =>
        services.AddSingleton<ChangeBackplane>().AddHostedService(sp => sp.GetRequiredService<ChangeBackplane>()).AddSingleton(typeof(ChangeFeed<>))
            .AddScoped<EventStreamer>();
}
