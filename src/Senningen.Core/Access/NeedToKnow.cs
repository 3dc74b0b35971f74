using System.Collections.Frozen;

namespace Senningen.Core.Access;

/// <summary>One row of the need-to-know table: what a role reaches in a capability, to read and to change.</summary>
public sealed record NeedToKnowRule(string Role, Capability Capability, Reach Read, Reach Change);

/// <summary>
/// Need to know as a table: per role and capability, how far a user reaches. A user with several roles gets the widest
/// reach any of them gives; a role or capability the table does not name reaches nothing. Endpoints, console pages,
/// exports and message views ask <see cref="ScopeFor"/>; none decides on its own.
/// </summary>
public static class NeedToKnow
{
    /// <summary>The role names of <c>Senningen.Contracts.Users.Roles</c>.</summary>
    public const string Officer = "Officer";
    public const string ControlRoom = "ControlRoom";
    public const string LiaisonOfficer = "LiaisonOfficer";
    public const string DataProtectionOfficer = "DataProtectionOfficer";
    public const string Admin = "Admin";

    public static IReadOnlyList<NeedToKnowRule> Table { get; } =
    [
        // An officer in the field works in their own unit's operations, requests and searches; alerts, hits and message
        // payloads are the control room's and the desk's.
        new(Officer, Capability.Operations, Reach.OwnUnit, Reach.OwnUnit),
        new(Officer, Capability.Requests, Reach.OwnUnit, Reach.OwnUnit),
        new(Officer, Capability.Consultation, Reach.OwnUnit, Reach.OwnUnit),

        // A control room follows what happens in the zones it answers for, whoever started it.
        new(ControlRoom, Capability.Operations, Reach.Zones, Reach.Zones),
        new(ControlRoom, Capability.Alerts, Reach.Zones, Reach.Zones),
        new(ControlRoom, Capability.Requests, Reach.Zones, Reach.Zones),
        new(ControlRoom, Capability.Consultation, Reach.OwnUnit, Reach.OwnUnit),
        new(ControlRoom, Capability.AnprHits, Reach.Zones, Reach.Zones),
        new(ControlRoom, Capability.ExchangePayloads, Reach.Zones, Reach.None),

        // The national desk: every alert, request and hit is its business (escalations land there), every operation
        // is visible to it, but it does not end or steer another unit's pursuit, and a unit's register searches stay the unit's.
        new(LiaisonOfficer, Capability.Operations, Reach.Country, Reach.OwnUnit),
        new(LiaisonOfficer, Capability.Alerts, Reach.Country, Reach.Country),
        new(LiaisonOfficer, Capability.Requests, Reach.Country, Reach.Country),
        new(LiaisonOfficer, Capability.Consultation, Reach.OwnUnit, Reach.OwnUnit),
        new(LiaisonOfficer, Capability.AnprHits, Reach.Country, Reach.Country),
        new(LiaisonOfficer, Capability.ExchangePayloads, Reach.Country, Reach.None),

        // The data-protection officer reads everything, to audit it, and changes nothing.
        new(DataProtectionOfficer, Capability.Operations, Reach.Country, Reach.None),
        new(DataProtectionOfficer, Capability.Alerts, Reach.Country, Reach.None),
        new(DataProtectionOfficer, Capability.Requests, Reach.Country, Reach.None),
        new(DataProtectionOfficer, Capability.Consultation, Reach.Country, Reach.None),
        new(DataProtectionOfficer, Capability.AnprHits, Reach.Country, Reach.None),
        new(DataProtectionOfficer, Capability.ExchangePayloads, Reach.Country, Reach.None),

        // Administrators run the node; personal data is not part of that (the Exchange monitor shows them metadata only).
    ];

    private static readonly FrozenDictionary<(string Role, Capability Capability), NeedToKnowRule> ByRole =
        Table.ToFrozenDictionary(r => (r.Role, r.Capability));

    /// <summary>The widest reach any of <paramref name="roles"/> gives for <paramref name="kind"/> in <paramref name="capability"/>.</summary>
    public static Reach ReachOf(IEnumerable<string> roles, Capability capability, AccessKind kind)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var reach = Reach.None;
        foreach (var role in roles)
        {
            if (ByRole.TryGetValue((role, capability), out var rule))
            {
                var given = kind == AccessKind.Read ? rule.Read : rule.Change;
                reach = given > reach ? given : reach;
            }
        }

        return reach;
    }

    /// <summary>What <paramref name="holder"/> may see or change of <paramref name="capability"/>, as a filter.</summary>
    public static AccessScope ScopeFor(Holder holder, Capability capability, AccessKind kind)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var reach = ReachOf(holder.Roles, capability, kind);
        return reach switch
        {
            Reach.None => AccessScope.Nothing,
            Reach.Country => new AccessScope(Reach.Country, "", new HashSet<string>()),
            Reach.OwnUnit => new AccessScope(Reach.OwnUnit, holder.Unit, new HashSet<string>()),
            _ => new AccessScope(Reach.Zones, holder.Unit, holder.Zones),
        };
    }

    public static bool Allows(Holder holder, Capability capability, AccessKind kind, Owner owner) =>
        ScopeFor(holder, capability, kind).Covers(owner);
}
