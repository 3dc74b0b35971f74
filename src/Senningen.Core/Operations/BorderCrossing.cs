using Senningen.Core.Countries;
using Senningen.Core.Geo;

namespace Senningen.Core.Operations;

/// <summary>
/// A confirmed change of country or of control-room zone by one unit. <see cref="At"/> and <see cref="Point"/> are those of
/// the first fix in the new area, not of the fix that confirmed it. A zone change inside one country has
/// <see cref="From"/> equal to <see cref="To"/>.
/// </summary>
public sealed record BorderCrossing(string Unit, CountryCode From, CountryCode To, string? FromZone, string? ToZone, DateTimeOffset At, GeoPoint Point)
{
    public bool IsCountryChange => From != To;
}
