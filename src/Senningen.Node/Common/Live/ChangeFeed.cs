namespace Senningen.Node.Common.Live;

/// <summary>
/// Tells open console pages (and bench watchers) that something of kind <typeparamref name="T"/> changed, so they
/// redraw at once: in this process directly, and on PostgreSQL in the node's other instances too, through
/// <see cref="ChangeBackplane"/>. Publish after the change is committed (<c>db.AfterCommit</c>, or after the save that
/// commits it). One singleton per change type.
/// </summary>
public sealed class ChangeFeed<T>
{
    private readonly ChangeBackplane _backplane;

    public ChangeFeed(ChangeBackplane backplane)
    {
        _backplane = backplane;
        backplane.Subscribe<T>(Raise);
    }

    public event Action<T>? Changed;

    public void Publish(T change)
    {
        Raise(change);
        _backplane.Send(change);
    }

    /// <summary>A change another instance published: told to this process only.</summary>
    private void Raise(T change) => Changed?.Invoke(change);
}
