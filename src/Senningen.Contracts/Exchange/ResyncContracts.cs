namespace Senningen.Contracts.Exchange;

/// <summary>
/// Body of <c>POST /api/v1/exchange/resync</c>: ask every partner to send again what it delivered to this node since
/// <see cref="Since"/> (ISO 8601). Without it, each partner is asked from the last message this node still holds from it.
/// </summary>
public sealed record ResyncRequest(string? Since);

/// <summary>The resend requests sent, one per partner, each from the instant that partner is asked to resend from.</summary>
public sealed record ResyncRequested(IReadOnlyList<ResyncSent> Partners);

public sealed record ResyncSent(string Partner, DateTimeOffset Since, Guid MessageId);
