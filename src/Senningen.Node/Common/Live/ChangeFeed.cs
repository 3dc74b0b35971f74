namespace Senningen.Node.Common.Live;

/// <summary>
/// Tells open console pages (and bench watchers), in this process, that something of kind <typeparamref name="T"/>
/// changed, so they redraw at once. It only reaches this process: pages also poll, because another instance sharing
/// the database may have made the change. One singleton per change type.
/// </summary>
public sealed class ChangeFeed<T>
{
    public event Action<T>? Changed;

    public void Publish(T change) => Changed?.Invoke(change);
}
