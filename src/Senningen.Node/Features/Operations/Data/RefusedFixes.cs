namespace Senningen.Node.Features.Operations.Data;

/// <summary>
/// Fixes of one batch refused for one reason (<c>RefusalReasons</c>). A row per batch and reason, never a counter
/// updated in place: two instances storing batches of one operation cannot lose each other's counts.
/// </summary>
public sealed class RefusedFixes
{
    public long Id { get; set; }

    public Guid OperationId { get; set; }

    public string Reason { get; set; } = "";

    public int Count { get; set; }

    public DateTimeOffset At { get; set; }
}
