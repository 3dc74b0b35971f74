using System.Net;

namespace Senningen.Node.Common.Configuration;

/// <summary>
/// The demo's users have the published password "demo" and its keys are not protected, so demo mode is refused as soon
/// as the node would be reached from anywhere but this machine.
/// </summary>
internal sealed partial class NodeSettingsReader
{
    private void RefuseDemoBeyondLoopback(Uri? publicUrl)
    {
        if (publicUrl is not null && !IsLoopback(publicUrl.Host))
        {
            DemoProblem("Senningen:Node:PublicUrl", publicUrl.ToString());
        }

        foreach (var key in new[] { "urls", "http_ports", "https_ports" })
        {
            var text = configuration[key];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            // http_ports and https_ports always bind every interface.
            var beyond = key != "urls" || text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(u => !IsLoopbackUrl(u));
            if (beyond)
            {
                DemoProblem(key, text);
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url && !IsLoopbackUrl(url))
            {
                DemoProblem($"Kestrel:Endpoints:{endpoint.Key}:Url", url);
            }
        }
    }

    private void DemoProblem(string key, string value) =>
        _problems.Add($"Senningen:Node:Demo = true is refused with {key} = '{value}': demo mode (password \"demo\", unprotected keys) "
            + "listens on loopback only (127.0.0.1, [::1] or localhost). Turn Senningen:Node:Demo off or bind to loopback.");

    // Kestrel reads "*", "+" and 0.0.0.0 as every interface; a URL Uri cannot parse is not proven loopback either.
    private static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal),
            UriKind.Absolute, out var uri) && IsLoopback(uri.Host);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
