namespace Senningen.Node.Features.Requests;

/// <summary>Tells the console that a request changed on this node (a step, a crisis request arriving), so pages need not poll.</summary>
public sealed class RequestsFeed
{
    public event Action<Guid>? Changed;

    public void Raise(Guid requestId) => Changed?.Invoke(requestId);
}
