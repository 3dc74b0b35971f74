namespace Senningen.Node.Features.Anpr;

/// <summary>
/// Tells open hit boards, in this process, that hits were raised or acknowledged so they redraw at once. Boards also
/// poll, because another instance sharing the database may have recorded the hit.
/// </summary>
public sealed class HitFeed
{
    public event Action? Changed;

    public void Raised() => Changed?.Invoke();
}
