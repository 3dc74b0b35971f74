using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Senningen.Contracts.Geo;
using Senningen.Core.Geo;
using Senningen.Node.Common.Configuration;
using Senningen.Node.Common.Errors;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Geo.LocatePoint;

/// <summary>GET /api/v1/geo/locate?lat=&amp;lon=: country, zone, control room, talk groups and distance to the border.</summary>
internal static class LocatePointEndpoint
{
    public static Results<Ok<GeoLocationView>, ProblemHttpResult> Handle(string? lat, string? lon, IGeoLocator locator, ControlRoomDirectory rooms,
        TalkGroupDirectory talkGroups, NodeSettings settings, Texts texts)
    {
        var validator = new RequestValidator(texts);
        var latitude = Degrees(validator, "lat", lat, 90);
        var longitude = Degrees(validator, "lon", lon, 180);
        if (validator.HasErrors || !GeoPoint.TryCreate(latitude, longitude, out var point))
        {
            return validator.Problem();
        }

        var location = locator.Locate(point.Value);
        var language = Texts.CurrentLanguage;
        var room = rooms.ForZone(location.ZoneId);
        var roomView = room is null ? null : new ControlRoomView(room.ZoneId, room.Name.Get(language), room.Node.Value, room.NameVerified,
            [.. room.Contacts.Select(c => new ContactView(c.Kind, c.Value, c.Placeholder))]);
        var groups = location.ZoneId is null ? [] : talkGroups.For(location.ZoneId, settings.Country)
            .Select(g => new TalkGroupView(g.Id, g.Name.Get(language), g.Pair, g.TalkGroupName, g.TalkGroupId, g.Placeholder)).ToList();
        return TypedResults.Ok(new GeoLocationView(point.Value.Latitude, point.Value.Longitude, location.Country?.Value, location.AlsoIn?.Value,
            location.ZoneId, room?.ZoneName.Get(language), location.ZoneIsNearest, roomView,
            double.IsFinite(location.BorderDistanceMetres) ? Math.Round(location.BorderDistanceMetres, 1) : null, location.NearestBorder, groups));
    }

    private static double Degrees(RequestValidator validator, string field, string? text, double limit)
    {
        if (!validator.Required(field, text))
        {
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            validator.Add(field, Rules.Format, "rule.degrees-format");
            return double.NaN;
        }

        if (value < -limit || value > limit)
        {
            validator.Add(field, Rules.Range, "rule.degrees-range", -limit, limit);
        }

        return value;
    }
}
