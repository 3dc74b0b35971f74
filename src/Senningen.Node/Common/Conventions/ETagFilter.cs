using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Senningen.Node.Common.Conventions;

/// <summary>
/// A strong <c>ETag</c> on a read that clients poll: the SHA-256 of the JSON body, so it changes exactly when what the
/// client would see changes (its language and its need-to-know included). <c>If-None-Match</c> with that tag gets 304
/// and no body. The handler still runs: the read is authorised and, for personal data, audited as before (ADR 0026).
/// </summary>
internal sealed class ETagFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result;
        while (inner is INestedHttpResult nested)
        {
            inner = nested.Result;
        }

        if (inner is not IValueHttpResult { Value: { } value } || (inner as IStatusCodeHttpResult)?.StatusCode is not (null or 200))
        {
            return result;
        }

        var http = context.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
        var tag = "\"" + Base64UrlTag(SHA256.HashData(body)) + "\"";
        http.Response.Headers.ETag = tag;
        // A tag of this representation only: a cache must not hand one user's answer to another.
        http.Response.Headers.CacheControl = "private, no-cache";
        return Matches(http.Request.Headers.IfNoneMatch, tag)
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, "application/json; charset=utf-8");
    }

    private static string Base64UrlTag(byte[] hash) => Convert.ToBase64String(hash, 0, 18).Replace('+', '-').Replace('/', '_');

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Any(candidate => candidate == "*" || candidate == tag || candidate == "W/" + tag);
}

/// <summary>Marks a read that answers with an ETag, for the OpenAPI document and the tests.</summary>
internal sealed class ETagMetadata;

internal static class ETagExtensions
{
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ETagFilter>().WithMetadata(new ETagMetadata());
}
