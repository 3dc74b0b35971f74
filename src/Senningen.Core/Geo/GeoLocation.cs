using Senningen.Core.Countries;

namespace Senningen.Core.Geo;

/// <summary>
/// Where a point is. <see cref="Country"/> is null outside every shipped country (open sea, far away).
/// <see cref="AlsoIn"/> names the second country where the shipped borders genuinely overlap
/// (the LU–DE condominium on the Moselle, Sauer and Our; the disputed Ems-Dollard).
/// <see cref="ZoneId"/> is the control-room zone (e.g. <c>NL-RE08</c>, <c>BE-VAN</c>, <c>LU</c>) for points in BE, NL or LU;
/// <see cref="ZoneIsNearest"/> says it was taken as the nearest zone of the country because the point fell in none
/// (the zone layer is coarser than the border, notably along the Dutch coast).
/// <see cref="BorderDistanceMetres"/> is the distance to the nearest land or sea border of <see cref="Country"/>,
/// and <see cref="NearestBorder"/> that border's country pair in alphabetical order, e.g. <c>BE|NL</c>.
/// </summary>
public readonly record struct GeoLocation(
    CountryCode? Country,
    CountryCode? AlsoIn,
    string? ZoneId,
    bool ZoneIsNearest,
    double BorderDistanceMetres,
    string? NearestBorder)
{
    /// <summary>True when the point lies in <paramref name="country"/>, counting shared waters.</summary>
    public bool IsIn(CountryCode country) => Country == country || AlsoIn == country;
}
