using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Senningen.Core.Retention;
using Senningen.Node.Common.Persistence;
using Senningen.Node.Common.Retention;
using Senningen.Node.Features.Retention;

namespace Senningen.Node.Tests.Retention;

/// <summary>
/// Every table of the model either holds records of a retention kind, or is listed here, reviewed, with the reason it
/// needs none: a new table with personal data fails until it gets a rule or a reviewed reason.
/// </summary>
public sealed class RetentionCoverageTests
{
    // Tables without personal data.
    private static readonly Dictionary<string, string> NoPersonalData = new(StringComparer.Ordinal)
    {
        ["AspNetRoles"] = "the role names of the node",
        ["AspNetRoleClaims"] = "claims attached to roles, not to people",
        ["DataProtectionKeys"] = "the key ring that protects cookies and tokens",
        ["exchange_node_keys"] = "this node's signing keys (private halves protected by the key ring) and their validity: key history, no person",
        ["exchange_partner_keys"] = "the partners' public signing keys this node pinned, with their validity and revocation: no person",
        ["anpr_cameras"] = "police and partner cameras: places and owners (organisations)",
        ["anpr_hotlist_version"] = "a counter of hotlist changes",
        ["audit_tree_nodes"] = "hashes of the audit log's Merkle tree",
        ["audit_tree_heads"] = "signed tree heads: sizes, roots, signatures",
        ["audit_witnessed_heads"] = "partners' tree heads this node witnessed",
        ["audit_head_confirmations"] = "partners' confirmations of this node's tree heads",
        ["audit_witness_alarms"] = "alarms about inconsistent tree heads",
        ["live_feed_heads"] = "the last position given in each stream feed: a counter per feed, no person",
    };

    // Tables with personal data whose lifetime another mechanism keeps, each named.
    private static readonly Dictionary<string, string> KeptElsewhere = new(StringComparer.Ordinal)
    {
        ["AspNetUsers"] = "officers' accounts, kept while the account exists; removed by user administration",
        ["AspNetUserClaims"] = "an account's units, zones and authorisations: go with the account",
        ["AspNetUserLogins"] = "an account's external identity: goes with the account",
        ["AspNetUserTokens"] = "an account's tokens: go with the account",
        ["AspNetUserRoles"] = "an account's roles: go with the account",
        ["anpr_hotlist"] = "the owner's hotlist: an entry lives while its owner lists it; the owner's import and removal end it",
        ["registry_persons"] = "a copy of the national register, replaced by the register's own load; its retention is the register's",
        ["registry_vehicles"] = "a copy of the national vehicle register, as persons",
        ["registry_documents"] = "a copy of the national documents register, as persons",
        ["registry_records"] = "a copy of the national police records, as persons",
        ["retention_holds"] = "the holds themselves: kept while in force, deleted when lifted (the audit log keeps the history)",
    };

    // Tables whose rows fall under two kinds, each taking its own rows by status.
    private static readonly Dictionary<string, string> SharedByKinds = new(StringComparer.Ordinal)
    {
        ["exchange_inbox"] = "exchange-message takes the handled messages, dropped-message the ones an operator dropped unhandled",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryTable_HasARetentionKind_OrAReviewedReasonWhyNot()
    {
        await using var node = await TestNode.StartAsync();
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SenningenDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var targets = scope.ServiceProvider.GetServices<IRetentionTarget>().ToList();
        var covered = targets.SelectMany(t => t.Tables).ToList();

        tables.Except(covered).Except(NoPersonalData.Keys).Except(KeptElsewhere.Keys).ShouldBeEmpty("tables with no retention kind and no reviewed reason");
        covered.Except(tables).ShouldBeEmpty("targets naming tables the model does not have");
        covered.Where(t => !SharedByKinds.ContainsKey(t)).ShouldBeUnique();
        SharedByKinds.ShouldAllBe(s => targets.Count(t => t.Tables.Contains(s.Key)) == 2, "a shared table is named by exactly its two kinds");
        NoPersonalData.Keys.Concat(KeptElsewhere.Keys).Except(tables).ShouldBeEmpty("reviewed tables the model no longer has");
        NoPersonalData.Keys.Concat(KeptElsewhere.Keys).Intersect(covered).ShouldBeEmpty();
        targets.Select(t => t.Kind).Order(StringComparer.Ordinal).ShouldBe(RetentionKinds.All.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NodeRetentionTable_FollowsConfiguration_AndBadSettingsStopTheNode_NamingTheKey()
    {
        await using var node = await TestNode.StartAsync(Store.Sqlite, "NL", new Dictionary<string, string?> { ["Senningen:Retention:NL:unit-position"] = "30.00:00:00" });
        var settings = node.Services.GetRequiredService<RetentionSettings>();

        settings.RuleFor(RetentionKinds.UnitPosition).Period.ShouldBe(TimeSpan.FromDays(30));
        settings.RuleFor(RetentionKinds.UnitPosition).Verify.ShouldBeTrue();
        settings.RuleFor(RetentionKinds.AnprRead).Period.ShouldBe(TimeSpan.FromDays(28));
        foreach (var (key, value, expected) in new[]
        {
            ("Senningen:Retention:NL:unit-position", "forever", "Senningen:Retention:NL:unit-position = 'forever' is not valid"),
            ("Senningen:Retention:NL:unit-positions", "30.00:00:00", "Senningen:Retention:NL:unit-positions names no kind of record"),
            ("Senningen:Retention:FR:anpr-read", "30.00:00:00", "Senningen:Retention:FR is not a setting"),
            ("Senningen:Retention:ChunkSize", "1", "Senningen:Retention:ChunkSize = '1' is not valid"),
            ("Senningen:Retention:BE:anpr-read", "30.00:00:00", "Senningen:Retention:BE:anpr-read (30.00:00:00) and Senningen:Anpr:Legal:Retention (365.00:00:00) disagree"),
        })
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                [key] = value, ["Senningen:Anpr:Legal:Retention"] = "365.00:00:00",
            }).Build();
            var problem = Should.Throw<Common.Configuration.ConfigurationProblemException>(() => RetentionSettings.Read(configuration, Anpr.HistorySteps.NodeOf("BE")));
            problem.Problems.ShouldContain(p => p.StartsWith(expected, StringComparison.Ordinal), key);
        }
    }
}
