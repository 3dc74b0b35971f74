using Senningen.Core.Countries;

namespace Senningen.Node.Features.Operations.Data;

/// <summary>A confirmed change of country or control-room zone by one unit.</summary>
public sealed class OperationCrossing
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public string Unit { get; set; } = "";

    public CountryCode FromCountry { get; set; }

    public CountryCode ToCountry { get; set; }

    public string? FromZone { get; set; }

    public string? ToZone { get; set; }

    public DateTimeOffset At { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    /// <summary>When the fix that confirmed it arrived: the start of the notification clock.</summary>
    public DateTimeOffset DetectedAt { get; set; }
}
