namespace Senningen.Node.Features.Anpr;

/// <summary>Hits were raised or acknowledged on this node; published on <see cref="Common.Live.ChangeFeed{T}"/> after the commit.</summary>
public readonly record struct HitsChanged;
