using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;
using Senningen.Node.Features.Audit.Tree;

namespace Senningen.Node.Features.Audit.VerifyChain;

/// <summary>Checks the log against its trusted heads and records that it was checked, with what it found: for the API and the console alike.</summary>
public sealed class VerifyAuditChain(AuditTree tree, AuditLog audit)
{
    public async Task<AuditVerification> RunAsync(CancellationToken ct) => await RunAsync([], ct);

    /// <summary>As <see cref="RunAsync(CancellationToken)"/>, also against <paramref name="trustedHeads"/> (heads partners hold).</summary>
    public async Task<AuditVerification> RunAsync(IReadOnlyList<SignedTreeHead> trustedHeads, CancellationToken ct)
    {
        var result = await tree.VerifyAsync(trustedHeads, ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditVerify, result.Intact ? AuditOutcomes.Success : AuditOutcomes.Failed,
            Records: result.FirstBrokenSequence is { } broken ? [$"audit:{broken}"] : null,
            Detail: result.Intact ? $"{result.EntriesChecked} entries intact against {result.HeadsChecked} signed heads, root {result.RootHash}"
                : result.Problem), cancellationToken: ct);
        return result;
    }
}
