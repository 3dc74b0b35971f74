namespace Senningen.Node.Features.Operations.Public;

/// <summary>
/// What changed, published on <see cref="Common.Live.ChangeFeed{T}"/>: an operation of this node (its id), the
/// alerts shown to this node's control rooms (<see cref="Alerts"/>), or both.
/// </summary>
public readonly record struct OperationsChange(Guid? OperationId, bool Alerts)
{
    public static OperationsChange Operation(Guid operationId) => new(operationId, false);

    public static OperationsChange AlertsOnly => new(null, true);

    public static OperationsChange AlertOf(Guid operationId) => new(operationId, true);
}
