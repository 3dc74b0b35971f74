namespace Senningen.Node.Features.Operations;

/// <summary>
/// Tells open console pages, in this process, that an operation or alert changed so they refresh at once.
/// Pages also poll, because another instance sharing the database may have made the change.
/// </summary>
public sealed class OperationsFeed
{
    public event Action<Guid>? OperationChanged;

    public event Action? AlertsChanged;

    public void Changed(Guid operationId) => OperationChanged?.Invoke(operationId);

    public void AlertChanged() => AlertsChanged?.Invoke();
}
