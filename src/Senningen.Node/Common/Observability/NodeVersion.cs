namespace Senningen.Node.Common.Observability;

/// <summary>The node's version as it reports it: to partners and clients (node info), in the console and in telemetry.</summary>
internal static class NodeVersion
{
    public static string Current { get; } =
        typeof(NodeVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
