using Senningen.Core.Geo;
using Senningen.Node.Features.Geo.BaseMapLayer;
using Senningen.Node.Features.Geo.LocatePoint;
using Senningen.Node.Features.Geo.Public;

namespace Senningen.Node.Features.Geo;

internal static class GeoModule
{
    /// <summary>Reads data/geo once (a missing or malformed file stops the node) and shares the index and directories.</summary>
    public static WebApplicationBuilder AddGeo(this WebApplicationBuilder builder)
    {
        var (services, configuration) = (builder.Services, builder.Configuration);
        var data = GeoDataLoader.Load(GeoDataLoader.DirectoryFrom(configuration));
        // Built when first resolved; nodes in one process share the same Lazy, so it is built once.
        services.AddSingleton(_ => data.Index.Value).AddSingleton<IGeoLocator>(sp => sp.GetRequiredService<GeoIndex>())
            .AddSingleton(data.ControlRooms).AddSingleton(data.TalkGroups).AddSingleton(_ => data.ZoneMap.Value)
            .AddSingleton(_ => data.PhoneOutlines.Value).AddSingleton(data.BaseMap).AddSingleton<ZoneNames>();
        return builder;
    }

    public static WebApplication MapGeo(this WebApplication app)
    {
        // Any signed-in user: a position and the public control-room layer are not restricted by role.
        var group = app.MapGroup("/api/v1/geo").RequireAuthorization().WithTags("Geo");
        group.MapGet("/locate", LocatePointEndpoint.Handle)
            .WithSummary("Country, control-room zone and room, shared talk groups and distance to the nearest border for lat, lon (WGS84 degrees).");
        group.MapGet("/zones", (ZoneMapJson map) => TypedResults.Bytes(map.Utf8, "application/geo+json"))
            .WithSummary("The control-room zones and the shared borders as GeoJSON, simplified to about 20 m, for the console map.");
        group.MapGet("/base-map", GetBaseMap.Handle)
            .WithSummary("The offline base layer: places (GeoNames, CC BY 3.0) and schematic main roads as GeoJSON; v= the version for a cacheable answer.");
        return app;
    }
}
