namespace Senningen.Node.Features.Consultation;

/// <summary>A partner's answer to this search was stored; published on <see cref="Common.Live.ChangeFeed{T}"/> after the commit.</summary>
public readonly record struct AnswerStored(Guid SearchId);
