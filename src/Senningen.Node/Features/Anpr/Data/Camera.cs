using Senningen.Core.Countries;

namespace Senningen.Node.Features.Anpr.Data;

public enum CameraSource
{
    Police = 0,

    /// <summary>A partner's camera (a parking operator) under a partnership agreement: its reads are kept only when they hit.</summary>
    Partner = 1,
}

/// <summary>A camera that sends reads to this node.</summary>
public sealed class Camera
{
    public string Id { get; set; } = "";

    public string Owner { get; set; } = "";

    public string Name { get; set; } = "";

    public double Lat { get; set; }

    public double Lon { get; set; }

    public string? Direction { get; set; }

    public CameraSource Source { get; set; }

    public string? AgreementReference { get; set; }

    public CountryCode Country { get; set; }

    /// <summary>When the camera was registered; the epoch for the demo's cameras (column <c>CreatedAtMs</c>).</summary>
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UnixEpoch;
}
