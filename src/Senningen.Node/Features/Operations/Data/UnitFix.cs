namespace Senningen.Node.Features.Operations.Data;

/// <summary>One stored GPS fix. (operation, unit, time) is unique: a repeated fix is a duplicate.</summary>
public sealed class UnitFix
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public string Unit { get; set; } = "";

    public DateTimeOffset Time { get; set; }

    public double Lat { get; set; }

    public double Lon { get; set; }

    public double? Speed { get; set; }

    public double? Heading { get; set; }

    public double? Accuracy { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
