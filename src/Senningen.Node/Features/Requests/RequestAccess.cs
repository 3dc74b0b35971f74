using System.Linq.Expressions;
using Senningen.Core.Access;
using Senningen.Core.Requests;
using Senningen.Node.Common.Security;
using Senningen.Node.Features.Requests.Data;

namespace Senningen.Node.Features.Requests;

/// <summary>
/// Need to know over cooperation requests (<see cref="Capability.Requests"/>). A request belongs to the unit that drafted
/// it and, when it came from a partner, to the zone it names. <see cref="CooperationRequest.Region"/> is the routing region
/// of the REQUESTED country (authorities.yaml, e.g. <c>NL-LIM</c>): on an outgoing request it lies in the partner's country,
/// so it never names one of this node's zones and is ignored; on an incoming one it is taken as the zone when it is a
/// control-room zone id (<c>NL-RE08</c>, <c>BE-VAN</c>, <c>LU</c>), so that zone's control room answers for it. A routing
/// region that is no zone id, or none, leaves an incoming request to the desk (Country reach) alone: it has no owner unit.
/// </summary>
internal sealed class RequestAccess(NeedToKnowGuard guard)
{
    // The zone as a column expression, the same rule as OwnerOf, for lists filtered in the database (zone ids are upper case).
#pragma warning disable CA1304, CA1311 // Translated to SQL upper(); never runs in .NET, where no culture applies.
    private static readonly Expression<Func<CooperationRequest, string?>> Zone =
        r => r.Side == RequestSide.Requested ? r.Region!.ToUpper() : null;
#pragma warning restore CA1304, CA1311

    public static Owner OwnerOf(CooperationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Owner.Of(request.OwnerUnit, request.Side == RequestSide.Requested ? request.Region?.ToUpperInvariant() : null);
    }

    /// <summary>The requests the current officer may read, as a WHERE clause.</summary>
    public IQueryable<CooperationRequest> Readable(IQueryable<CooperationRequest> requests) =>
        requests.Within(guard.Scope(Capability.Requests, AccessKind.Read), r => r.OwnerUnit, Zone);

    public bool Allows(CooperationRequest request, AccessKind kind) => guard.Allows(Capability.Requests, kind, OwnerOf(request));

    /// <summary>Whether the officer may read or change the request; if not, the attempt is written as one audited denial.</summary>
    public Task<bool> CheckAsync(CooperationRequest request, AccessKind kind, CancellationToken ct) =>
        guard.CheckAsync(Capability.Requests, kind, OwnerOf(request), $"request:{request.Id}", ct);

    /// <summary>Whether the officer may change any request at all (a data-protection officer may not even draft one).</summary>
    public bool MayChangeAny => !guard.Scope(Capability.Requests, AccessKind.Change).IsNothing;

    public Task DenyAsync(string record, CancellationToken ct) => guard.DenyAsync(Capability.Requests, AccessKind.Change, record, ct);
}
