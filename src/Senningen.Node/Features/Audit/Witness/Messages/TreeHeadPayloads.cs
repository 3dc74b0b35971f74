using Senningen.Contracts.Audit;
using Senningen.Node.Common.Exchange;

namespace Senningen.Node.Features.Audit.Witness.Messages;

/// <summary>
/// <c>audit.tree-head</c> v1: a node's latest signed tree head for a partner to witness, with the consistency proof
/// (lower-case hex hashes) from <see cref="FromSize"/>, the last size that partner confirmed; none on first contact. Only
/// its shape is checked on receipt: every rule about the head is the witness's to decide, name and sign.
/// </summary>
public sealed record TreeHeadPayload(SignedTreeHead Head, long? FromSize, IReadOnlyList<string>? Proof) : IValidatedPayload
{
    public const string Type = "audit.tree-head";

    // log2 of any size a long can count, twice over, is far below this.
    public const int MaxProof = 130;

    public IEnumerable<string> Problems()
    {
        if (Head is null)
        {
            yield return "head is missing";
        }

        if (Proof is { Count: > MaxProof })
        {
            yield return $"proof has more than {MaxProof} hashes";
        }
    }
}

/// <summary>
/// <c>audit.tree-head-confirmation</c> v1: the witness's verdict on the head it received, in the same conversation,
/// signed by the witness over <see cref="Core.Audit.Witness.WitnessStatement"/>.
/// </summary>
public sealed record TreeHeadConfirmationPayload(SignedTreeHead Head, string Verdict, string? Rule, DateTimeOffset StatedAt,
    string KeyId, string Signature) : IValidatedPayload
{
    public const string Type = "audit.tree-head-confirmation";

    public IEnumerable<string> Problems()
    {
        if (Head is null || Verdict is null || KeyId is null || Signature is null)
        {
            yield return "head, verdict, keyId and signature are required";
        }
    }
}
