using Senningen.Contracts.Audit;
using Senningen.Node.Common.Audit;

namespace Senningen.Node.Features.Audit.Public;

/// <summary>
/// An audit entry as the DPO sees it, on the wire and in the console. Published: other capabilities' oversight views
/// (the consultation log) show the entries they select from the log the same way the audit search does.
/// </summary>
internal static class AuditEntryViews
{
    public static AuditEntryView ToView(AuditEntry e) => new(e.Sequence, e.OccurredAt, e.Actor, e.ActorUnit, e.ActorCountry, e.Action,
        e.Outcome, e.Records.Length == 0 ? [] : e.Records.Split('\n'), e.Purpose, e.CaseReference, e.Recipient, e.Detail, e.Hash,
        e.LeafIndex, e.LeafHash is null ? null : Convert.ToHexStringLower(e.LeafHash));
}
