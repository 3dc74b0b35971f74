namespace Senningen.Node.Features.Consultation;

/// <summary>
/// Tells open consultation pages, in this process, that a partner's answer was stored, so they show it at once rather
/// than at their next look. Pages still look on their own (another instance sharing the database may have stored it).
/// </summary>
public sealed class AnswerFeed
{
    public event Action<Guid>? Answered;

    public void Stored(Guid searchId) => Answered?.Invoke(searchId);
}
