namespace Senningen.Node.Common.Configuration;

/// <summary>
/// The node's settings, read and validated once before anything else is registered (a bad configuration stops the
/// node here, naming the key); every module takes them from the builder rather than reading configuration again.
/// </summary>
internal static class NodeSettingsModule
{
    private static readonly object Key = typeof(NodeSettings);

    public static WebApplicationBuilder AddNodeSettings(this WebApplicationBuilder builder)
    {
        var settings = NodeSettingsReader.Read(builder.Configuration);
        ((IHostApplicationBuilder)builder).Properties[Key] = settings;
        builder.Services.AddSingleton(settings);
        return builder;
    }

    extension(WebApplicationBuilder builder)
    {
        public NodeSettings NodeSettings => ((IHostApplicationBuilder)builder).Properties.TryGetValue(Key, out var settings)
            ? (NodeSettings)settings
            : throw new InvalidOperationException("AddNodeSettings() comes before the modules that read the node's settings.");
    }
}
