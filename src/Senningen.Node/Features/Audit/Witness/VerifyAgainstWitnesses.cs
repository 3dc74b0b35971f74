using Senningen.Contracts.Audit;
using Senningen.Node.Features.Audit.VerifyChain;

namespace Senningen.Node.Features.Audit.Witness;

/// <summary>
/// Checks the whole log against the heads the partners confirmed, as well as this node's own. A confirmation counts
/// only when its witness signature checks against the partner's key from configuration: whoever holds the database can
/// delete confirmations (and this node's own heads), not forge them, so a rewritten entry below a confirmed size is found.
/// </summary>
public sealed class VerifyAgainstWitnesses(WitnessReader reader, VerifyAuditChain verify)
{
    public async Task<WitnessedVerification> RunAsync(CancellationToken ct)
    {
        var confirmations = await reader.ConfirmationsAsync(ct);
        var trusted = confirmations.Where(c => c.SignatureValid).ToList();
        var heads = trusted.Select(c => c.Head).DistinctBy(h => (h.Size, h.RootHash)).ToList();
        return new WitnessedVerification(await verify.RunAsync(heads, ct), trusted, confirmations.Count - trusted.Count);
    }
}
