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
        Announce(context.HttpContext.Response.Headers, deprecated.Since, deprecated.Sunset, deprecated.Link);
        return await next(context);
    }

    public static void Announce(IHeaderDictionary headers, DateTimeOffset since, DateTimeOffset sunset, string link)
    {
        headers["Deprecation"] = "@" + since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        headers["Sunset"] = sunset.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        headers.Append("Link", $"<{link}>; rel=\"deprecation\"; type=\"text/html\"");
    }
}

/// <summary>A query parameter on its way out, replaced by another (<paramref name="Instead"/>): still honoured until the sunset.</summary>
internal sealed record DeprecatedParameterMetadata(string Name, string Instead, DateTimeOffset Since, DateTimeOffset Sunset, string Link);

/// <summary>The same announcement as <see cref="DeprecationFilter"/>, on the answers to a call that still uses the old parameter.</summary>
internal sealed class DeprecatedParameterFilter(DeprecatedParameterMetadata deprecated) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.HttpContext.Request.Query.ContainsKey(deprecated.Name))
        {
            DeprecationFilter.Announce(context.HttpContext.Response.Headers, deprecated.Since, deprecated.Sunset, deprecated.Link);
        }

        return await next(context);
    }
}

internal static class DeprecationExtensions
{
    /// <summary>A query parameter replaced within /api/v1: honoured, announced on each call that uses it, and marked deprecated in the document.</summary>
    public static RouteHandlerBuilder DeprecatedParameter(this RouteHandlerBuilder builder, string name, string instead, DateTimeOffset since,
        DateTimeOffset sunset, string link)
    {
        if (sunset <= since)
        {
            throw new ArgumentOutOfRangeException(nameof(sunset), "The sunset must come after the deprecation.");
        }

        var metadata = new DeprecatedParameterMetadata(name, instead, since, sunset, link);
        return builder.AddEndpointFilter(new DeprecatedParameterFilter(metadata)).WithMetadata(metadata);
    }

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
