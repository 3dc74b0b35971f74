using System.Globalization;

namespace Senningen.Node.Common.Conventions;

/// <summary>An endpoint on its way out: since when, the day it stops answering, and where the replacement is described.</summary>
internal sealed record DeprecatedMetadata(DateTimeOffset Since, DateTimeOffset Sunset, string Link);

/// <summary>
/// Announces a deprecation on every answer of the endpoint: <c>Deprecation</c> (RFC 9745, a structured date),
/// <c>Sunset</c> (RFC 8594, an HTTP date) and <c>Link</c> to the migration note (rel="deprecation"), so that a client
/// logs it long before the endpoint goes. The OpenAPI document marks the operation <c>deprecated: true</c>.
/// </summary>
internal sealed class DeprecationFilter(DeprecatedMetadata deprecated) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Response.Headers;
        headers["Deprecation"] = "@" + deprecated.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["Sunset"] = deprecated.Sunset.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        headers.Append("Link", $"<{deprecated.Link}>; rel=\"deprecation\"; type=\"text/html\"");
        return await next(context);
    }
}

internal static class DeprecationExtensions
{
    /// <summary>Within /api/v1 an endpoint is never changed incompatibly: it is deprecated, replaced, and removed after its sunset.</summary>
    public static RouteHandlerBuilder Deprecated(this RouteHandlerBuilder builder, DateTimeOffset since, DateTimeOffset sunset, string link)
    {
        if (sunset <= since)
        {
            throw new ArgumentOutOfRangeException(nameof(sunset), "The sunset must come after the deprecation.");
        }

        var metadata = new DeprecatedMetadata(since, sunset, link);
        return builder.AddEndpointFilter(new DeprecationFilter(metadata)).WithMetadata(metadata);
    }
}
