using Senningen.Contracts.Audit;
using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Audit.Restore;

/// <summary>
/// <c>exchange.resync-request</c> v1: "I was restored from a backup; send again what you delivered to me since
/// <see cref="Since"/>, and tell me the latest head of my audit log you hold". <see cref="LogSize"/> and
/// <see cref="RootHash"/> describe the restored log, for the partner's audit entry.
/// </summary>
public sealed record ResyncRequestPayload(DateTimeOffset Since, long LogSize, string? RootHash) : IValidatedPayload
{
    public const string Type = "exchange.resync-request";

    public IEnumerable<string> Problems()
    {
        if (Since == default)
        {
            yield return "since is missing";
        }

        if (LogSize < 0)
        {
            yield return "logSize is negative";
        }
    }
}

/// <summary>
/// <c>exchange.resync-answer</c> v1, in the request's conversation: how many messages the partner queued again
/// (<see cref="Withheld"/> more matched beyond its bound), why it resent nothing (<see cref="Refusal"/>), and the latest
/// head of the requester's log it holds as witness, signed by the requester itself, so it cannot be forged by the partner.
/// </summary>
public sealed record ResyncAnswerPayload(DateTimeOffset Since, int Resent, int Withheld, string? Refusal, SignedTreeHead? HeldHead) : IValidatedPayload
{
    public const string Type = "exchange.resync-answer";

    public IEnumerable<string> Problems()
    {
        if (Resent < 0 || Withheld < 0)
        {
            yield return "resent and withheld must not be negative";
        }

        if (Refusal is { Length: > 50 })
        {
            yield return "refusal is longer than 50 characters";
        }
    }
}
