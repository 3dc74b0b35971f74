namespace Senningen.Node.Common.Live;

internal static class LiveSetup
{
    /// <summary>One <see cref="ChangeFeed{T}"/> per change type, shared by the process.</summary>
    public static IServiceCollection AddChangeFeeds(this IServiceCollection services) => services.AddSingleton(typeof(ChangeFeed<>));
}
