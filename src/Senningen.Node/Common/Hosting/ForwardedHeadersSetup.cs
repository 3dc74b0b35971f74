using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Hosting;

/// <summary>
/// Behind a reverse proxy (nginx, deploy/), the caller's address and scheme come from X-Forwarded-For and
/// X-Forwarded-Proto, believed only from the proxies named here (loopback when none is named): the per-address
/// sign-in limit then counts callers rather than the proxy, and cookies stay Secure behind TLS terminated at the proxy.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public const string ProxiesKey = "Senningen:Proxy:KnownProxies";
    public const string NetworksKey = "Senningen:Proxy:KnownNetworks";

    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        var problems = new List<string>();
        var proxies = Read(builder.Configuration, ProxiesKey, problems, "an IP address such as 10.20.0.5",
            text => (IPAddress.TryParse(text, out var address), address!));
        var networks = Read(builder.Configuration, NetworksKey, problems, "a network in CIDR notation such as 10.20.0.0/24",
            text => (System.Net.IPNetwork.TryParse(text, out var network), network));
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemException(problems);
        }

        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count == 0)
            {
                return;
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            proxies.ForEach(o.KnownProxies.Add);
            networks.ForEach(o.KnownIPNetworks.Add);
        });
        return builder;
    }

    /// <summary>A comma-separated value (one environment variable) or a list (<c>key:0</c>, <c>key:1</c>, …).</summary>
    private static List<T> Read<T>(ConfigurationManager configuration, string key, List<string> problems, string expected, Func<string, (bool Ok, T Value)> parse)
    {
        var texts = configuration.GetSection(key).GetChildren().Select(c => c.Value).Append(configuration[key])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var values = new List<T>();
        foreach (var text in texts)
        {
            if (parse(text) is (true, var value))
            {
                values.Add(value);
            }
            else
            {
                problems.Add($"{key} = '{text}' is not valid: expected {expected} (several separated by commas).");
            }
        }

        return values;
    }
}
