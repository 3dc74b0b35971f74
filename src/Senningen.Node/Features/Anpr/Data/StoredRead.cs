namespace Senningen.Node.Features.Anpr.Data;

/// <summary>
/// A read from a police camera, kept for the legal retention period (partner-source reads are never stored).
/// Found by canonical key and time (history search by plate) or by camera and time.
/// </summary>
public sealed class StoredRead
{
    public long Id { get; set; }

    public string CameraId { get; set; } = "";

    public string Plate { get; set; } = "";

    public string CanonicalKey { get; set; } = "";

    /// <summary>The engine's alternatives as JSON <c>[{"plate":…,"confidence":…}]</c>, or null when the read had none.</summary>
    public string? Candidates { get; set; }

    public string? Country { get; set; }

    public double Confidence { get; set; }

    public long ObservedAtMs { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public long ReceivedAtMs { get; set; }
}
