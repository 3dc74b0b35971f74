namespace Senningen.Node.Features.Operations;

/// <summary>The shipped borders and control-room zones as one GeoJSON text, drawn on the console's live maps.</summary>
public sealed class MapOutlines(string geoJson)
{
    public string GeoJson { get; } = geoJson;
}
