using Senningen.Core.Anpr;
using Senningen.Core.Countries;

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

    /// <summary>The plate's country as the camera read it (any two or three letters, not only countries Senningen knows).</summary>
    public string? Country { get; set; }

    public double Confidence { get; set; }

    public DateTimeOffset ObservedAt { get; set; } = DateTimeOffset.UnixEpoch;

    public double? Lat { get; set; }

    public double? Lon { get; set; }

    public string CameraId { get; set; } = "";

    public string CameraName { get; set; } = "";

    /// <summary>The control-room zone the hit is for (where the camera stands); null when none of this node's zones answers for it.</summary>
    public string? Zone { get; set; }

    public CameraSource Source { get; set; }

    public string EntryId { get; set; } = "";

    public string EntryPlate { get; set; } = "";

    public HotlistCategory Category { get; set; }

    public HotlistAction Action { get; set; }

    public CountryCode Owner { get; set; }

    public double Score { get; set; }

    /// <summary>Equivalent characters, one per line as <c>position:read=listed</c>.</summary>
    public string Confusions { get; set; } = "";

    public DateTimeOffset ReceivedAt { get; set; } = DateTimeOffset.UnixEpoch;

    public CountryCode? SentTo { get; set; }

    public CountryCode? ReceivedFrom { get; set; }

    public string? AcknowledgedBy { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public int Version { get; set; }

    /// <summary>
    /// Where the hit stands in the hit stream (ADR 0027): given after its commit by the stream-feed sequencer; null until
    /// then, 0 for hits stored before streams had positions.
    /// </summary>
    public long? FeedPosition { get; set; }
}
