namespace Senningen.Node.Features.Operations.Positions;

/// <summary>
/// Lets one position batch per operation at a time into ingestion within this process. Two batches of one operation
/// otherwise collide on the units' versions and the partner conversation's sequence, and each collision rolls back and
/// redoes a whole batch: under load that work feeds on itself (the operations bench went from 200 to 28 fixes/s).
/// Striped so memory stays bounded; the version check still settles batches that arrive at other instances.
/// </summary>
internal sealed class OperationTurns : IDisposable
{
    private const int Stripes = 256;
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<Turn> EnterAsync(Guid operationId, CancellationToken ct)
    {
        var stripe = _stripes[(operationId.GetHashCode() & int.MaxValue) % Stripes];
        await stripe.WaitAsync(ct);
        return new Turn(stripe);
    }

    public void Dispose()
    {
        foreach (var stripe in _stripes)
        {
            stripe.Dispose();
        }
    }

    internal readonly struct Turn(SemaphoreSlim stripe) : IDisposable
    {
        public void Dispose() => stripe.Release();
    }
}
