using Microsoft.Net.Http.Headers;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.App.Bundle;

/// <summary>
/// <c>GET /api/v1/app/bundle?lang=</c>: the offline bundle in one language. The ETag is the version, so a phone that
/// already holds it gets 304 and nothing else; Brotli or gzip when the phone accepts them. Holds no personal data
/// (the guide, public numbers, control rooms' service contacts), so nothing is audited.
/// </summary>
internal static class GetBundle
{
    public static IResult Handle(string? lang, HttpContext http, Lazy<OfflineBundle> bundle, Texts texts)
    {
        var validator = new RequestValidator(texts);
        if (lang is not null)
        {
            validator.OneOf("lang", lang.ToLowerInvariant(), Texts.Languages);
        }

        if (validator.HasErrors)
        {
            return validator.Problem();
        }

        var language = lang is null ? Texts.CurrentLanguage : Texts.Normalise(lang);
        var current = bundle.Value;
        var etag = new EntityTagHeaderValue($"\"{current.Version}-{language}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // The phone must ask every time it has a signal (a 304 is cheap) and keeps its own copy for when it has none.
        headers.CacheControl = new CacheControlHeaderValue { Private = true, NoCache = true };
        http.Response.Headers.Vary = "Accept-Encoding, Accept-Language";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var encoded = current.For(language);
        var accepts = http.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepts.Contains("br", StringComparison.OrdinalIgnoreCase) ? (encoded.Brotli, "br")
            : accepts.Contains("gzip", StringComparison.OrdinalIgnoreCase) ? (encoded.Gzip, "gzip") : (encoded.Plain, null);
        if (encoding is not null)
        {
            http.Response.Headers.ContentEncoding = encoding;
        }

        return Results.Bytes(body, "application/json");
    }
}
