using Senningen.Core.Access;
using Senningen.Node.Common.Audit;
using Senningen.Node.Common.Officers;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Need to know for the current officer (<see cref="NeedToKnow"/>'s table): the scope a list is limited to, and the
/// check on one object. An object outside the scope is answered as not found — a 404 does not confirm it exists — and
/// the attempt is an audited denial, so a DPO sees who tried to reach further than their job.
/// </summary>
public sealed class NeedToKnowGuard(CurrentOfficer officer, AuditLog audit, PageVisitDenials visits, IHttpContextAccessor http)
{
    public AccessScope Scope(Capability capability, AccessKind kind) => NeedToKnow.ScopeFor(officer.Holder, capability, kind);

    public bool Allows(Capability capability, AccessKind kind, Owner owner) => Scope(capability, kind).Covers(owner);

    /// <summary>True when the officer may; otherwise writes the denial (naming <paramref name="record"/>, e.g. <c>operation:{id}</c>) and gives false.</summary>
    public async Task<bool> CheckAsync(Capability capability, AccessKind kind, Owner owner, string record, CancellationToken ct)
    {
        if (Allows(capability, kind, owner))
        {
            return true;
        }

        await DenyAsync(capability, kind, record, ct);
        return false;
    }

    /// <summary>Writes the audited denial of an attempt the caller already refused (once per console page visit, see <see cref="PageVisitDenials"/>).</summary>
    public Task DenyAsync(Capability capability, AccessKind kind, string record, CancellationToken ct) =>
        visits.ShouldWrite(officer.Actor.Name, record, http.HttpContext)
            ? audit.WriteAsync(new AuditRecord(AuditActions.AccessDenied, AuditOutcomes.Denied, [record],
                Detail: $"need to know: {capability} {kind}".ToLowerInvariant()), officer.Actor, ct)
            : Task.CompletedTask;
}
