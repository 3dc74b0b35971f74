namespace Senningen.Core.Geo;

/// <summary>Locates points against the shipped borders and control-room zones. Implementations are pure and thread-safe.</summary>
public interface IGeoLocator
{
    GeoLocation Locate(GeoPoint point);
}
