using Senningen.Core.Countries;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>A unit taking part, where it is confirmed to be, and the crossing detector's state for it.</summary>
public sealed class OperationUnit
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public string CallSign { get; set; } = "";

    public string? Vehicle { get; set; }

    public int? Officers { get; set; }

    /// <summary>Confirmed country and zone (after hysteresis); null until the first usable fix.</summary>
    public CountryCode? Country { get; set; }

    public string? Zone { get; set; }

    /// <summary>The detector's state as JSON: positions arrive in batches across requests and instances.</summary>
    public string DetectorState { get; set; } = "";

    public DateTimeOffset? LastFixAt { get; set; }

    public double? LastLat { get; set; }

    public double? LastLon { get; set; }

    public double? LastSpeed { get; set; }

    public double? LastHeading { get; set; }

    public double? LastAccuracy { get; set; }

    /// <summary>Optimistic concurrency: two batches for the same unit must not both advance the detector from one state.</summary>
    public long Version { get; set; }
}
