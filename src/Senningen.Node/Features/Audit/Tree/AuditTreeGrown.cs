namespace Senningen.Node.Features.Audit.Tree;

/// <summary>The sequencer signed a larger head: the DPO's tree card redraws without waiting for its next look.</summary>
public sealed record AuditTreeGrown(long Size);
