namespace Senningen.Node.Features.Anpr.Data;

/// <summary>
/// A read that matched a hotlist entry: the read, the entry, the score and the characters read as OCR-equivalent, and
/// the way it came (from a camera of this node, sent to the entry's owner; or received from a partner's node).
/// </summary>
public sealed class Hit
{
    public Guid Id { get; set; }

    public string Plate { get; set; } = "";

    public string CanonicalKey { get; set; } = "";

    public string? Country { get; set; }

    public double Confidence { get; set; }

    public long ObservedAtMs { get; set; }

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string CameraId { get; set; } = "";

    public string CameraName { get; set; } = "";

    public CameraSource Source { get; set; }

    public string EntryId { get; set; } = "";

    public string EntryPlate { get; set; } = "";

    public int Category { get; set; }

    public int Action { get; set; }

    public string Owner { get; set; } = "";

    public double Score { get; set; }

    /// <summary>Equivalent characters, one per line as <c>position:read=listed</c>.</summary>
    public string Confusions { get; set; } = "";

    public long ReceivedAtMs { get; set; }

    public string? SentTo { get; set; }

    public string? ReceivedFrom { get; set; }

    public string? AcknowledgedBy { get; set; }

    public long? AcknowledgedAtMs { get; set; }

    public int Version { get; set; }
}
