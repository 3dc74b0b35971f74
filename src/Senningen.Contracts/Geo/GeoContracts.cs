namespace Senningen.Contracts.Geo;

/// <summary>
/// Where a point is. <c>Country</c> and <c>AlsoIn</c> are ISO codes (BE, NL, LU, FR, DE), null outside every country;
/// <c>AlsoIn</c> is set only in genuinely shared waters (Moselle/Sauer/Our condominium, Ems-Dollard). <c>Zone</c> is the
/// control-room zone (e.g. <c>NL-RE08</c>) for BE, NL and LU, <c>ZoneName</c> its name in the caller's language (e.g.
/// <c>Zeeland-West-Brabant</c>, <c>Anvers</c>); <c>ZoneIsNearest</c> says the point lay in no zone and the
/// nearest zone of the country was taken. <c>BorderDistanceMetres</c> is the distance to the nearest border of
/// <c>Country</c>, named by <c>NearestBorder</c> (e.g. <c>BE|NL</c>). <c>TalkGroups</c> are the shared talk groups for an
/// officer of this node's country in that zone (empty at home).
/// </summary>
public sealed record GeoLocationView(
    double Latitude,
    double Longitude,
    string? Country,
    string? AlsoIn,
    string? Zone,
    string? ZoneName,
    bool ZoneIsNearest,
    ControlRoomView? ControlRoom,
    double? BorderDistanceMetres,
    string? NearestBorder,
    IReadOnlyList<TalkGroupView> TalkGroups);

/// <summary>The control room of a zone, named in the caller's language. <c>NameVerified</c> false: the name is not yet confirmed.</summary>
public sealed record ControlRoomView(string Zone, string Name, string Node, bool NameVerified, IReadOnlyList<ContactView> Contacts);

/// <summary><c>Kind</c> is <c>phone</c>, <c>radio</c> or <c>email</c>. <c>Placeholder</c> true: a fake value the country has not filled in yet.</summary>
public sealed record ContactView(string Kind, string Value, bool Placeholder);

/// <summary>A border area's shared radio talk group. <c>Placeholder</c> true: not yet agreed between the countries.</summary>
public sealed record TalkGroupView(string Area, string Name, string Pair, string TalkGroup, string TalkGroupId, bool Placeholder);
