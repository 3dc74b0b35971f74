namespace Senningen.Node.Features.Operations.Data;

/// <summary>A position of a foreign unit on this territory, as forwarded by its home node.</summary>
public sealed class AlertFix
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public string Unit { get; set; } = "";

    public DateTimeOffset Time { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    public double? Speed { get; set; }

    public double? Heading { get; set; }
}
