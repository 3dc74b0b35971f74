namespace Senningen.Node.Features.Requests;

/// <summary>A request changed on this node (a step, a crisis request arriving); published on <see cref="Common.Live.ChangeFeed{T}"/>.</summary>
public readonly record struct RequestChanged(Guid RequestId);
