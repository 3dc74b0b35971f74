namespace Senningen.Node.Features.Operations.Data;

/// <summary>A confirmed change of country or control-room zone by one unit.</summary>
public sealed class OperationCrossing
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public string Unit { get; set; } = "";

    public string FromCountry { get; set; } = "";

    public string ToCountry { get; set; } = "";

    public string? FromZone { get; set; }

    public string? ToZone { get; set; }

    public long AtMs { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    /// <summary>When the fix that confirmed it arrived: the start of the notification clock.</summary>
    public long DetectedAtMs { get; set; }
}
