using Senningen.Core.Access;

namespace Senningen.Core.Tests.Access;

public sealed class NeedToKnowTests
{
    private static readonly Owner OwnUnit = Owner.Of("PZ Noorderkempen", "BE-VAN");
    private static readonly Owner OtherUnitSameZone = Owner.Of("PZ Grens", "BE-VAN");
    private static readonly Owner OtherUnitOtherZone = Owner.Of("PZ Kempen", "BE-VLI");
    private static readonly Owner NodeMade = Owner.Of(null, null);

    private static Holder As(string role, string unit = "PZ Noorderkempen", string zones = "BE-VAN") =>
        new(unit, Holder.ParseZones(zones), new HashSet<string> { role });

    // role, capability, kind, own unit, other unit in one of the holder's zones, other unit elsewhere, made by the node
    public static TheoryData<string, Capability, AccessKind, bool, bool, bool, bool> Cases => new()
    {
        { NeedToKnow.Officer, Capability.Operations, AccessKind.Read, true, false, false, false },
        { NeedToKnow.Officer, Capability.Operations, AccessKind.Change, true, false, false, false },
        { NeedToKnow.Officer, Capability.Requests, AccessKind.Change, true, false, false, false },
        { NeedToKnow.Officer, Capability.Alerts, AccessKind.Read, false, false, false, false },
        { NeedToKnow.Officer, Capability.AnprHits, AccessKind.Read, false, false, false, false },
        { NeedToKnow.Officer, Capability.ExchangePayloads, AccessKind.Read, false, false, false, false },
        { NeedToKnow.ControlRoom, Capability.Operations, AccessKind.Read, true, true, false, false },
        { NeedToKnow.ControlRoom, Capability.Alerts, AccessKind.Change, true, true, false, false },
        { NeedToKnow.ControlRoom, Capability.Consultation, AccessKind.Read, true, false, false, false },
        { NeedToKnow.ControlRoom, Capability.ExchangePayloads, AccessKind.Change, false, false, false, false },
        { NeedToKnow.LiaisonOfficer, Capability.Operations, AccessKind.Read, true, true, true, true },
        { NeedToKnow.LiaisonOfficer, Capability.Operations, AccessKind.Change, true, false, false, false },
        { NeedToKnow.LiaisonOfficer, Capability.Requests, AccessKind.Change, true, true, true, true },
        { NeedToKnow.LiaisonOfficer, Capability.Consultation, AccessKind.Read, true, false, false, false },
        { NeedToKnow.DataProtectionOfficer, Capability.Consultation, AccessKind.Read, true, true, true, true },
        { NeedToKnow.DataProtectionOfficer, Capability.Operations, AccessKind.Change, false, false, false, false },
        { NeedToKnow.Admin, Capability.Operations, AccessKind.Read, false, false, false, false },
        { NeedToKnow.Admin, Capability.ExchangePayloads, AccessKind.Read, false, false, false, false },
        { "Stranger", Capability.Operations, AccessKind.Read, false, false, false, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Table_DecidesEachOwner(string role, Capability capability, AccessKind kind, bool own, bool sameZone, bool elsewhere, bool nodeMade)
    {
        var holder = As(role);

        NeedToKnow.Allows(holder, capability, kind, OwnUnit).ShouldBe(own);
        NeedToKnow.Allows(holder, capability, kind, OtherUnitSameZone).ShouldBe(sameZone);
        NeedToKnow.Allows(holder, capability, kind, OtherUnitOtherZone).ShouldBe(elsewhere);
        NeedToKnow.Allows(holder, capability, kind, NodeMade).ShouldBe(nodeMade);
    }

    [Fact]
    public void SeveralRoles_GetTheWidestReach()
    {
        var holder = new Holder("CIC Antwerpen", Holder.ParseZones("BE-VAN"), new HashSet<string> { NeedToKnow.Officer, NeedToKnow.LiaisonOfficer });

        NeedToKnow.ReachOf(holder.Roles, Capability.Operations, AccessKind.Read).ShouldBe(Reach.Country);
        NeedToKnow.ReachOf(holder.Roles, Capability.Operations, AccessKind.Change).ShouldBe(Reach.OwnUnit);
        NeedToKnow.ReachOf(holder.Roles, Capability.Alerts, AccessKind.Read).ShouldBe(Reach.Country);
    }

    [Fact]
    public void ChangeNeverReachesFurtherThanRead()
    {
        foreach (var rule in NeedToKnow.Table)
        {
            ((int)rule.Change).ShouldBeLessThanOrEqualTo((int)rule.Read, $"{rule.Role} {rule.Capability}");
        }
    }

    [Fact]
    public void EveryRoleAndCapability_IsNamedAtMostOnce() =>
        NeedToKnow.Table.GroupBy(r => (r.Role, r.Capability)).ShouldAllBe(g => g.Count() == 1);

    [Fact]
    public void AUserWithoutUnit_ReachesNoUnitlessObject_ThroughTheirOwnUnit()
    {
        var scope = NeedToKnow.ScopeFor(new Holder("", new HashSet<string>(), new HashSet<string> { NeedToKnow.Officer }),
            Capability.Operations, AccessKind.Read);

        scope.Covers(NodeMade).ShouldBeFalse();
        scope.Covers(Owner.Of("", null)).ShouldBeFalse();
    }

    [Fact]
    public void ZonesAndUnits_CompareWithoutCaseAndSpaces()
    {
        var holder = As(NeedToKnow.ControlRoom, "CIC Antwerpen", " be-van , BE-VLI ");

        NeedToKnow.Allows(holder, Capability.Alerts, AccessKind.Read, Owner.Of(null, "BE-VLI")).ShouldBeTrue();
        NeedToKnow.Allows(holder, Capability.Alerts, AccessKind.Read, Owner.Of(" cic antwerpen ", "BE-WLG")).ShouldBeTrue();
        NeedToKnow.Allows(holder, Capability.Alerts, AccessKind.Read, Owner.Of("CIC Luik", "BE-WLG")).ShouldBeFalse();
    }
}
