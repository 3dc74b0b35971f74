using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;

namespace Senningen.Node.Features.Audit.VerifyChain;

/// <summary>Walks the chain and records that it was checked, with what it found: for the API and the console alike.</summary>
public sealed class VerifyAuditChain(AuditVerifier verifier, AuditLog audit)
{
    public async Task<AuditVerification> RunAsync(CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        await audit.WriteAsync(new AuditRecord(AuditActions.AuditVerify, result.Intact ? AuditOutcomes.Success : AuditOutcomes.Failed,
            Detail: result.Intact ? $"{result.EntriesChecked} entries intact" : $"broken at #{result.FirstBrokenSequence}: {result.Problem}"),
            cancellationToken: ct);
        return result;
    }
}
