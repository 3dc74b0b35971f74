namespace Senningen.Node.Features.Anpr.Data;

/// <summary>
/// A read from a police camera, kept for the legal retention period (partner-source reads are never stored).
/// Found by canonical key and time (history search by plate) or by camera and time. Written by the bulk writers
/// (<see cref="Ingest.StoredReads"/>), which bind the instants as the columns hold them: Unix milliseconds.
/// </summary>
public sealed class StoredRead
{
    public long Id { get; set; }

    public string CameraId { get; set; } = "";

    public string Plate { get; set; } = "";

    public string CanonicalKey { get; set; } = "";

    /// <summary>The engine's alternatives as JSON <c>[{"plate":…,"confidence":…}]</c>, or null when the read had none.</summary>
    public string? Candidates { get; set; }

    /// <summary>The plate's country as the camera read it (any two or three letters, not only countries Senningen knows).</summary>
    public string? Country { get; set; }

    public double Confidence { get; set; }

    public DateTimeOffset ObservedAt { get; set; } = DateTimeOffset.UnixEpoch;

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public DateTimeOffset ReceivedAt { get; set; } = DateTimeOffset.UnixEpoch;
}
