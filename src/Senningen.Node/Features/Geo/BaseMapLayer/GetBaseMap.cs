using Microsoft.Net.Http.Headers;
using Senningen.Core.Geo;

namespace Senningen.Node.Features.Geo.BaseMapLayer;

/// <summary>
/// <c>GET /api/v1/geo/base-map?v=</c>: the offline base layer (places and schematic main roads) as GeoJSON, from the node
/// itself so a console on a closed network still sees where units are. Public data, nothing personal: not audited.
/// </summary>
internal static class GetBaseMap
{
    public static IResult Handle(string? v, HttpContext http, BaseMap layer)
    {
        var etag = new EntityTagHeaderValue($"\"{layer.Version}\"");
        var headers = http.Response.GetTypedHeaders();
        headers.ETag = etag;
        // Asked for by its version (the map does): the bytes at that address never change, the browser keeps them a year.
        headers.CacheControl = string.Equals(v, layer.Version, StringComparison.Ordinal)
            ? new CacheControlHeaderValue { Private = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } }
            : new CacheControlHeaderValue { Private = true, NoCache = true };
        http.Response.Headers.Vary = "Accept-Encoding";
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any)))
        {
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        if (http.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(layer.Gzip, "application/geo+json");
        }

        return Results.Bytes(layer.Utf8, "application/geo+json");
    }
}
