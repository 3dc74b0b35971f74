using Senningen.Node.Common.Configuration;

namespace Senningen.Node.Common.Security;

/// <summary>
/// The headers every answer carries (issue 17, ADR front-door): a Content-Security-Policy that lets the console and the
/// field app load only from the node, no framing, no MIME sniffing, no referrer, and HSTS where the node is reached over
/// TLS outside demo mode. Set when the response starts, so error pages and static files carry them too.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, NodeSettings settings)
{
    public const string HstsValue = "max-age=31536000";

    private readonly bool _demo = settings.DemoMode;
    private readonly string _policy = ContentSecurityPolicy(settings);
    private readonly string _apiReferencePolicy = ContentSecurityPolicy(settings, apiReference: true);

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (self, http) = ((SecurityHeaders, HttpContext))state;
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-reference", StringComparison.OrdinalIgnoreCase)
                ? self._apiReferencePolicy
                : self._policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            // After UseForwardedHeaders the scheme is the one a trusted proxy reports; a demo on loopback has no TLS to pin.
            if (!self._demo && http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = HstsValue;
            }

            return Task.CompletedTask;
        }, (this, context));
        return next(context);
    }

    /// <summary>
    /// Scripts only from the node (Blazor Server needs no eval); inline styles because Blazor's reconnection display and
    /// Leaflet write style elements and attributes. Images from the node, data: URIs (Leaflet's and the app's icons) and the
    /// configured tile service. The Scalar API reference (documentation, no personal data) starts itself with an inline script
    /// and calls eval, so its pages alone allow both; the console and the field app run without.
    /// </summary>
    public static string ContentSecurityPolicy(NodeSettings settings, bool apiReference = false)
    {
        var tiles = settings.Map.Tiles is { } t && TileSource(t.Template) is { } source ? " " + source : "";
        return "default-src 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; "
            + $"script-src 'self'{(apiReference ? " 'unsafe-inline' 'unsafe-eval'" : "")}; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data:{tiles}; font-src 'self' data:; connect-src 'self'; worker-src 'self'; manifest-src 'self'";
    }

    /// <summary>The scheme and host of a tile template, {s} (subdomains) as a wildcard: https://*.tiles.example.</summary>
    public static string? TileSource(string template)
    {
        var start = template.IndexOf("://", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = template.IndexOf('/', start + 3);
        var scheme = template[..start];
        var authority = end < 0 ? template[(start + 3)..] : template[(start + 3)..end];
        if (authority.StartsWith("{s}.", StringComparison.Ordinal))
        {
            authority = "*" + authority[3..];
        }

        // A placeholder anywhere else in the host cannot be written as a CSP source: allow the scheme's hosts.
        return authority.Contains('{', StringComparison.Ordinal) ? scheme + ":" : $"{scheme}://{authority}";
    }
}
