namespace Senningen.Node.Common.Exchange;

/// <summary>
/// A round's final write found messages no longer claimed by this instance: another instance took it for dead and
/// took them over. The write's transaction is rolled back, so whatever this round did with them has no effect here.
/// </summary>
internal sealed class ClaimLostException(IReadOnlyCollection<Guid> lost)
    : InvalidOperationException($"{lost.Count} claim(s) were taken over by another instance")
{
    public IReadOnlyCollection<Guid> Lost { get; } = lost;
}
